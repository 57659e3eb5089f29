package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import java.io.IOException;
import jenkins.console.WithConsoleUrl;
import jenkins.model.HistoricalBuild;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.export.ExportedBean;

/*
 * Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt: its supertypes and the members the
 * steps use. Not Serializable (as upstream): a step fetches it from its context, never keeps it.
 */
@ExportedBean
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint, Comparable<RunT>, AccessControlled, PersistenceRoot, DescriptorByNameOwner,
        OnMaster, StaplerProxy, HistoricalBuild, WithConsoleUrl {

    /** When the build was scheduled; upstream keeps it in a field of the same name. */
    private final long timestamp;

    protected Run(JobT job) throws IOException {
        this(job, System.currentTimeMillis());
    }

    protected Run(JobT job, long timestamp) {
        this.timestamp = timestamp;
    }

    /*
     * Upstream answers the time the build left the queue, falling back to the scheduled time before that;
     * a copy never runs on an executor, so it answers the scheduled time.
     */
    public final long getStartTimeInMillis() {
        return timestamp;
    }

    /** Upstream: the job's full name, "#", the build number (unique among the builds that exist now). */
    public String getExternalizableId() {
        throw new UnsupportedOperationException("copy: a build's id comes from its job in a running Jenkins");
    }

    public <T extends Cause> T getCause(Class<T> type) {
        throw new UnsupportedOperationException("copy: a build's causes come from a running Jenkins");
    }
}
