package jenkins;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public enum YesNoMaybe {
    YES,
    NO,
    MAYBE
}
