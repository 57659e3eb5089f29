package hudson.util;

import java.io.Serializable;

/*
 * Copy of the upstream declaration (see jenkins-api-stubs/UPSTREAM.txt): its supertypes and the members the plugin
 * uses. No upstream code is copied; the bodies stand in for Jenkins, which provides the real class at run time.
 */
public final class Secret implements Serializable {

    private static final long serialVersionUID = 1L;

    private Secret() {
    }

    public String getPlainText() {
        throw new UnsupportedOperationException("copy: secrets are decrypted by Jenkins");
    }
}
