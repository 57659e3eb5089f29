package hudson.model;

import java.io.PrintStream;
import java.io.Serializable;

/* Compile-only stub: real signature (the real one extends SerializableOnlyOverRemoting, a Serializable). */
public interface TaskListener extends Serializable {
    PrintStream getLogger();
}
