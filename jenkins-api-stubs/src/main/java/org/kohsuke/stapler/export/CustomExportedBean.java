package org.kohsuke.stapler.export;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public interface CustomExportedBean {
    Object toExportedObject();
}
