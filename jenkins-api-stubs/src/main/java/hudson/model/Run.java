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

    protected Run(JobT job) throws IOException {
    }

    public <T extends Cause> T getCause(Class<T> type) {
        throw new UnsupportedOperationException("copy: a build's causes come from a running Jenkins");
    }
}
