package hudson.search;

import hudson.model.ModelObject;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public interface SearchableModelObject extends ModelObject, SearchItem {
    Search getSearch();
}
