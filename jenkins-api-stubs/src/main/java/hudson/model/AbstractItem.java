package hudson.model;

import hudson.security.AccessControlled;
import java.util.Collection;
import jenkins.model.Loadable;
import org.kohsuke.stapler.HttpDeletable;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.export.ExportedBean;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt: its shape only (Job's supertype). */
@ExportedBean
public abstract class AbstractItem extends Actionable implements Loadable, Item, HttpDeletable, AccessControlled,
        DescriptorByNameOwner, StaplerProxy {

    protected AbstractItem(ItemGroup parent, String name) {
    }

    @Override
    public abstract Collection<? extends Job> getAllJobs();
}
