package hudson.search;

import org.kohsuke.stapler.StaplerProxy;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public class Search implements StaplerProxy {

    @Override
    public Object getTarget() {
        throw new UnsupportedOperationException("copy: no search here");
    }
}
