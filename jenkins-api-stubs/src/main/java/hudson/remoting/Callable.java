package hudson.remoting;

import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;

/* Copy of the upstream declaration (see jenkins-api-stubs/UPSTREAM.txt); its default members, which name Channel, are omitted. */
public interface Callable<V, T extends Throwable> extends Serializable, RoleSensitive {
    V call() throws T;
}
