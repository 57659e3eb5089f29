package hudson;

import java.io.IOException;

/* Compile-only stub of the Jenkins type of the same name: real signature, see ../README.md. */
public class AbortException extends IOException {

    private static final long serialVersionUID = 1L;

    public AbortException() {
    }

    public AbortException(String message) {
        super(message);
    }
}
