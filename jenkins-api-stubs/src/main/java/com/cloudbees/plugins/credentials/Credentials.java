package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/*
 * Copy of the upstream declaration (see jenkins-api-stubs/UPSTREAM.txt): its supertypes and the members the plugin
 * uses. No upstream code is copied; the bodies stand in for Jenkins, which provides the real class at run time.
 */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {

    CredentialsScope getScope();

    @Override
    CredentialsDescriptor getDescriptor();
}
