package hudson.model;

import hudson.search.SearchableModelObject;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public abstract class AbstractModelObject implements SearchableModelObject {
}
