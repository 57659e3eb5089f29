package hudson.model;

/*
 * Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged):
 * only its shape, none of its colours (HistoricalBuild's getIconColor names the type; nothing here uses one).
 */
public enum BallColor implements StatusIcon {
    ;

    @Override
    public String getImageOf(String size) {
        throw new UnsupportedOperationException("copy: no colours here");
    }

    @Override
    public String getDescription() {
        throw new UnsupportedOperationException("copy: no colours here");
    }
}
