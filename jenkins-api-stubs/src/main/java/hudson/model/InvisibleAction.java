package hudson.model;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt; bodies as upstream's (an action with no UI). */
public abstract class InvisibleAction implements Action {

    @Override
    public final String getIconFileName() {
        return null;
    }

    @Override
    public final String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
