package hudson.model;

import java.io.IOException;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public interface Saveable {
    void save() throws IOException;
}
