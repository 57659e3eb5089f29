package org.kohsuke.stapler;

/*
 * Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged):
 * upstream's two delete methods are default methods naming the servlet APIs, so none is copied.
 */
public interface HttpDeletable {
}
