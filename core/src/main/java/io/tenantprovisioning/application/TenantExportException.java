package io.tenantprovisioning.application;

/** The data export before offboarding failed; nothing of the tenant was destroyed. */
public final class TenantExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TenantExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
