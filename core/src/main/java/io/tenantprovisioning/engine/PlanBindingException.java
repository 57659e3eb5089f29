package io.tenantprovisioning.engine;

/**
 * The engine refused to apply: the plan it would apply is not the approved one (missing or changed
 * plan file, another SHA-256, a root or variables that changed since the plan, a plan Terraform calls
 * stale). Nothing was applied; the request needs a new plan and a new approval.
 */
public final class PlanBindingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PlanBindingException(String message) {
        super(message);
    }

    public PlanBindingException(String message, Throwable cause) {
        super(message, cause);
    }
}
