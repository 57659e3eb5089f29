package hudson.model;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public interface StatusIcon {
    String getImageOf(String size);

    String getDescription();
}
