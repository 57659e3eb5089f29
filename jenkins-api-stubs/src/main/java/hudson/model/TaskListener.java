package hudson.model;

import java.io.PrintStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/* Copy of the upstream declaration (see jenkins-api-stubs/UPSTREAM.txt); its default members (error, hyperlink…) are omitted. */
public interface TaskListener extends SerializableOnlyOverRemoting {
    PrintStream getLogger();
}
