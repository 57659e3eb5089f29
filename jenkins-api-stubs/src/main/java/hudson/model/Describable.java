package hudson.model;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public interface Describable<T extends Describable<T>> {
    Descriptor<T> getDescriptor();
}
