package hudson.model;

/* Compile-only stub of the Jenkins type of the same name: real signature, see ../README.md. */
public interface Describable<T extends Describable<T>> {
    Descriptor<T> getDescriptor();
}
