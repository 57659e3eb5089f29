package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;
import org.jenkins.ui.icon.IconSpec;

/*
 * Copy of the upstream declaration (see jenkins-api-stubs/UPSTREAM.txt): its supertypes and the members the plugin
 * uses. No upstream code is copied; the bodies stand in for Jenkins, which provides the real class at run time.
 */
public abstract class CredentialsDescriptor extends Descriptor<Credentials> implements IconSpec {

    protected CredentialsDescriptor() {
    }
}
