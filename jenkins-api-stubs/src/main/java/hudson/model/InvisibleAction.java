package hudson.model;

/* Compile-only stub of the Jenkins type of the same name: real signature and bodies, see ../README.md. */
public abstract class InvisibleAction implements Action {

    @Override
    public final String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
