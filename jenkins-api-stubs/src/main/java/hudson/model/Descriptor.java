package hudson.model;

/* Compile-only stub: real signature; the no-arg constructor infers the described class in Jenkins. */
public abstract class Descriptor<T extends Describable<T>> {

    protected Descriptor() {
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("stub");
    }
}
