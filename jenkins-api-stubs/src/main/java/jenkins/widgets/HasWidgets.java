package jenkins.widgets;

import jenkins.security.stapler.StaplerAccessibleType;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (its members are defaults and a logger). */
@StaplerAccessibleType
public interface HasWidgets {
}
