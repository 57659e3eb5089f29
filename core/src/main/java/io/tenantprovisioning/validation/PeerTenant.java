package io.tenantprovisioning.validation;

import io.tenantprovisioning.resource.TenantAccess;
import java.util.Objects;

/**
 * A peer tenant for the isolation check, with what must happen once the check is done with it
 * (remove a canary; nothing for an existing tenant).
 */
public record PeerTenant(TenantAccess access, Cleanup cleanup) {

    /** Releases the peer. Runs exactly once, also when a probe threw or the check was interrupted. */
    @FunctionalInterface
    public interface Cleanup {
        void release() throws Exception;
    }

    public PeerTenant {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(cleanup, "cleanup");
    }

    /** An already existing tenant: nothing to remove afterwards. */
    public static PeerTenant existing(TenantAccess access) {
        return new PeerTenant(access, () -> { });
    }
}
