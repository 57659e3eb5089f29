package io.tenantprovisioning.application;

import io.tenantprovisioning.model.IllegalTransitionException;
import io.tenantprovisioning.registry.IdempotencyConflictException;
import io.tenantprovisioning.registry.RunInProgressException;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.registry.TenantAlreadyExistsException;
import io.tenantprovisioning.registry.UnknownTenantException;

/**
 * How an adapter should read a failure of a handler: the request was wrong and nothing changed, or
 * another run holds the tenant, or anything else (a real failure). Adapters map these to their exit
 * codes or step results without knowing the exception types of the layers below.
 */
public enum Refusal {
    /** Unknown tenant, wrong approver group, double decision, illegal move, reused key: nothing changed. */
    INVALID_REQUEST,
    /** Another run holds the tenant's run lock (the message names it). */
    RUN_IN_PROGRESS,
    /** Not a refusal: a failure to report as such. */
    NONE;

    public static Refusal of(Throwable failure) {
        if (failure instanceof RunInProgressException) {
            return RUN_IN_PROGRESS;
        }
        if (failure instanceof UnknownTenantException || failure instanceof ApprovalException
                || failure instanceof IdempotencyConflictException || failure instanceof TenantAlreadyExistsException
                || failure instanceof IllegalTransitionException || failure instanceof StateConflictException) {
            return INVALID_REQUEST;
        }
        return NONE;
    }
}
