package hudson.model;

/* Compile-only stub of the Jenkins type of the same name: real signature, see ../README.md. */
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {

    @Override
    public Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("stub: descriptors come from a running Jenkins");
    }
}
