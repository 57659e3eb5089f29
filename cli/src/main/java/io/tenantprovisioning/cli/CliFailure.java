package io.tenantprovisioning.cli;

import java.util.List;

/** Ends a command with an exit code and the lines a person needs (no stack trace unless --debug). */
public final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final List<String> details;

    public CliFailure(int exitCode, String message, List<String> details) {
        super(message);
        this.exitCode = exitCode;
        this.details = List.copyOf(details);
    }

    public CliFailure(int exitCode, String message) {
        this(exitCode, message, List.of());
    }

    public int exitCode() {
        return exitCode;
    }

    public List<String> details() {
        return details;
    }
}
