package io.tenantprovisioning.application;

/** A decision that may not be recorded (group not on the route, group already decided, request not pending). */
public final class ApprovalException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ApprovalException(String message) {
        super(message);
    }
}
