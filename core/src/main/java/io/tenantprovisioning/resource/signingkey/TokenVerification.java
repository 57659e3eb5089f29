package io.tenantprovisioning.resource.signingkey;

import java.time.Instant;

/** The result of verifying a tenant token: accepted with its claims, or rejected with the reason. */
public sealed interface TokenVerification {

    boolean accepted();

    record Verified(String subject, String tenantId, String keyId, Instant expiresAt) implements TokenVerification {
        @Override
        public boolean accepted() {
            return true;
        }
    }

    /** {@code message} describes the problem; it never contains the token or the key. */
    record Rejected(RejectionReason reason, String message) implements TokenVerification {
        @Override
        public boolean accepted() {
            return false;
        }
    }
}
