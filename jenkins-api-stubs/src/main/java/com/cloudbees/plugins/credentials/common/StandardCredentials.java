package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;

/*
 * Copy of the upstream declaration (see jenkins-api-stubs/UPSTREAM.txt): its supertypes and the members the plugin
 * uses. No upstream code is copied; the bodies stand in for Jenkins, which provides the real class at run time.
 */
@NameWith(value = StandardCredentials.NameProvider.class, priority = -16)
public interface StandardCredentials extends IdCredentials {

    String getDescription();

    class NameProvider extends CredentialsNameProvider<StandardCredentials> {

        @Override
        public String getName(StandardCredentials c) {
            throw new UnsupportedOperationException("copy: names are given by the credentials plugin");
        }
    }
}
