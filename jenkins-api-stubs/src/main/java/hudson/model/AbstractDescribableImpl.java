package hudson.model;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {

    @Override
    public Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("stub: descriptors come from a running Jenkins");
    }
}
