package jenkins.model;

import java.io.IOException;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public interface Loadable {
    void load() throws IOException;
}
