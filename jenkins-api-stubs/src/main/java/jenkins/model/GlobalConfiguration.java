package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

/*
 * Copy of the upstream declaration (see jenkins-api-stubs/UPSTREAM.txt): its supertypes and the members the plugin
 * uses. No upstream code is copied; the bodies stand in for Jenkins, which provides the real class at run time.
 */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {

    protected GlobalConfiguration() {
    }

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        return this;
    }
}
