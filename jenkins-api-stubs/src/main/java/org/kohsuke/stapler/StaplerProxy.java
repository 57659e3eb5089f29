package org.kohsuke.stapler;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public interface StaplerProxy {
    Object getTarget();
}
