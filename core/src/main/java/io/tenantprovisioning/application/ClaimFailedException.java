package io.tenantprovisioning.application;

/**
 * A claim that had assessed every resource as claimable failed while stamping one: those stamped before it
 * carry the marker (correctly: the journal vouched for them), the rest do not yet; claiming again finishes.
 */
public final class ClaimFailedException extends RuntimeException {

    public ClaimFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
