package hudson.model;

import jenkins.security.stapler.StaplerAccessibleType;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
@StaplerAccessibleType
public interface ModelObject {
    String getDisplayName();
}
