package hudson.model;

import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;

/*
 * Copy of the upstream declaration (see jenkins-api-stubs/UPSTREAM.txt): its supertypes and the members the steps
 * use. save() and load() persist to JENKINS_HOME in Jenkins; there is none here.
 */
public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {

    protected Descriptor() {
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("copy: Jenkins derives it from the described class");
    }

    @Override
    public synchronized void save() {
        throw new UnsupportedOperationException("copy: no JENKINS_HOME here");
    }

    @Override
    public synchronized void load() {
        throw new UnsupportedOperationException("copy: no JENKINS_HOME here");
    }
}
