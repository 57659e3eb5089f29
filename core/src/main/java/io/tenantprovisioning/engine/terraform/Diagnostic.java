package io.tenantprovisioning.engine.terraform;

import java.util.Objects;

/**
 * One diagnostic of the machine-readable UI ({@code "type": "diagnostic"}).
 *
 * @param address  the resource address it concerns, or "" when none
 * @param filename source file of the range, or "" when the diagnostic has no range
 * @param line     start line of the range, 0 when none
 */
public record Diagnostic(Severity severity, String summary, String detail, String address, String filename, int line) {

    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        summary = Objects.requireNonNullElse(summary, "");
        detail = Objects.requireNonNullElse(detail, "");
        address = Objects.requireNonNullElse(address, "");
        filename = Objects.requireNonNullElse(filename, "");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code error: Summary (main.tf:12, terraform_data.b): detail}, all on one line. */
    public String describe() {
        StringBuilder sb = new StringBuilder(severity == Severity.ERROR ? "error: " : "warning: ").append(summary);
        String where = filename.isEmpty() ? "" : filename + ":" + line;
        if (!address.isEmpty()) {
            where = where.isEmpty() ? address : where + ", " + address;
        }
        if (!where.isEmpty()) {
            sb.append(" (").append(where).append(')');
        }
        String flatDetail = detail.strip().replaceAll("\\s*\\R\\s*", " ");
        if (!flatDetail.isEmpty()) {
            sb.append(": ").append(flatDetail);
        }
        return sb.toString();
    }
}
