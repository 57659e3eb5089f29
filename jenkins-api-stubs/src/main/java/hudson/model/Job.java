package hudson.model;

/*
 * Compile-only stub: only the type and its type parameters, which Run's signature needs (the real one
 * extends AbstractItem and implements ExtensionPoint, StaplerOverridable, ModelObjectWithChildren, OnMaster).
 */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
}
