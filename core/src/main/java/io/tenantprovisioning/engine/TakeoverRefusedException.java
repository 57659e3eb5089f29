package io.tenantprovisioning.engine;

/**
 * The engine refused to plan or apply because a resource it would create already exists under the tenant's
 * name (Terraform would take it into its state, and a later destroy would delete it). Nothing was created by
 * this run; what exists is left as it is.
 */
public final class TakeoverRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TakeoverRefusedException(String message) {
        super(message);
    }
}
