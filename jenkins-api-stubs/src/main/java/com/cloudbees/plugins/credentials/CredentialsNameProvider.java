package com.cloudbees.plugins.credentials;

/*
 * Copy of the upstream declaration (see jenkins-api-stubs/UPSTREAM.txt): its supertypes and the members the plugin
 * uses. No upstream code is copied; the bodies stand in for Jenkins, which provides the real class at run time.
 */
public abstract class CredentialsNameProvider<C extends Credentials> {

    public CredentialsNameProvider() {
    }

    public abstract String getName(C credentials);
}
