package jenkins.model;

import hudson.model.ModelObject;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (its members are defaults and nested UI types). */
public interface ModelObjectWithContextMenu extends ModelObject {
}
