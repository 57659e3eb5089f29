package hudson.model;

import java.io.File;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public interface PersistenceRoot extends Saveable {
    File getRootDir();
}
