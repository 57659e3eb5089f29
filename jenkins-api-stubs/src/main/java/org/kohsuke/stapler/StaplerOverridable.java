package org.kohsuke.stapler;

import java.util.Collection;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public interface StaplerOverridable {
    Collection<?> getOverrides();
}
