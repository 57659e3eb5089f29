package jenkins.console;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public interface WithConsoleUrl {
    String getConsoleUrl();
}
