package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

/*
 * Copy of the upstream declaration (see jenkins-api-stubs/UPSTREAM.txt): its supertypes and the members the plugin
 * uses. No upstream code is copied; the bodies stand in for Jenkins, which provides the real class at run time.
 */
@NameWith(StringCredentials.NameProvider.class)
public interface StringCredentials extends StandardCredentials {

    Secret getSecret();

    class NameProvider extends CredentialsNameProvider<StringCredentials> {

        @Override
        public String getName(StringCredentials c) {
            throw new UnsupportedOperationException("copy: names are given by the plain-credentials plugin");
        }
    }
}
