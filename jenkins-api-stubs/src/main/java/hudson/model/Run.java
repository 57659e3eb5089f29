package hudson.model;

import java.io.IOException;

/*
 * Compile-only stub: real signatures of the members the steps use (the real one extends Actionable and
 * implements ExtensionPoint, Comparable, AccessControlled, PersistenceRoot, DescriptorByNameOwner,
 * OnMaster, StaplerProxy). Not Serializable: a step fetches it from its context, never keeps it.
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {

    protected Run(JobT job) throws IOException {
    }

    public <T extends Cause> T getCause(Class<T> type) {
        throw new UnsupportedOperationException("stub: a build's causes come from a running Jenkins");
    }
}
