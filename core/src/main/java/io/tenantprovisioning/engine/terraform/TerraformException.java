package io.tenantprovisioning.engine.terraform;

import java.util.List;

/**
 * A Terraform/OpenTofu command failed. The message carries the command's error diagnostics and its
 * captured stderr (with every secret the runner passed in the environment masked), never its stdout:
 * JSON stdout can hold sensitive values.
 */
public class TerraformException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final TerraformErrorCode code;
    private final transient List<Diagnostic> diagnostics;
    private final String stderr;

    public TerraformException(TerraformErrorCode code, String message, List<Diagnostic> diagnostics, String stderr) {
        super(compose(message, diagnostics, stderr));
        this.code = code;
        this.diagnostics = List.copyOf(diagnostics);
        this.stderr = stderr == null ? "" : stderr;
    }

    public TerraformException(TerraformErrorCode code, String message) {
        this(code, message, List.of(), "");
    }

    public TerraformException(TerraformErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.diagnostics = List.of();
        this.stderr = "";
    }

    public TerraformErrorCode code() {
        return code;
    }

    /** The error and warning diagnostics the command reported, in order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The command's stderr, secrets masked; empty when it wrote none. */
    public String stderr() {
        return stderr;
    }

    private static String compose(String message, List<Diagnostic> diagnostics, String stderr) {
        StringBuilder sb = new StringBuilder(message);
        for (Diagnostic d : diagnostics) {
            sb.append(System.lineSeparator()).append("  ").append(d.describe());
        }
        if (stderr != null && !stderr.isBlank()) {
            sb.append(System.lineSeparator()).append("  stderr: ").append(stderr.strip());
        }
        return sb.toString();
    }
}
