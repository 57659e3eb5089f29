package com.cloudbees.plugins.credentials;

import hudson.model.ModelObject;
import java.io.Serializable;

/*
 * Copy of the upstream declaration (see jenkins-api-stubs/UPSTREAM.txt): its supertypes and the members the plugin
 * uses. No upstream code is copied; the bodies stand in for Jenkins, which provides the real class at run time.
 */
public enum CredentialsScope implements Serializable {
    SYSTEM {
        @Override
        public String getDisplayName() {
            return "System";
        }

        @Override
        public boolean isVisible(ModelObject context) {
            return true;
        }
    },
    GLOBAL {
        @Override
        public String getDisplayName() {
            return "Global";
        }

        @Override
        public boolean isVisible(ModelObject context) {
            return true;
        }
    };

    public abstract String getDisplayName();

    public abstract boolean isVisible(ModelObject context);
}
