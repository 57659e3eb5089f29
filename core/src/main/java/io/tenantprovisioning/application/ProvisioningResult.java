package io.tenantprovisioning.application;

import io.tenantprovisioning.model.TenantState;
import java.util.Map;

/**
 * How provisioning an approved tenant ended. Closed: provisioned and configured, rolled back, or
 * interrupted (its thread was interrupted: left as it stands for the rollback owner).
 */
public sealed interface ProvisioningResult {

    String slug();

    /** Created and configured: VALIDATING; {@code outputs} are the recorded non-secret resource attributes. */
    record Provisioned(String slug, Map<String, String> outputs) implements ProvisioningResult {
        public Provisioned {
            outputs = Map.copyOf(outputs);
        }

        public String state() {
            return "VALIDATING";
        }
    }

    /** A step failed; the rollback handler ran (its result says whether anything survives). */
    record RolledBack(String slug, String reason, RollbackResult rollback) implements ProvisioningResult {

        /** The failure as a person reads it: what failed and how the rollback ended. */
        public String message() {
            return "provisioning of tenant '" + slug + "' failed: " + reason + "; "
                    + (rollback.complete() ? "rolled back, the sweep found nothing left"
                    : "rollback INCOMPLETE, survivors: " + rollback.survivors());
        }
    }

    /**
     * The run's thread was interrupted (a Jenkins abort) while it was in {@code reached}: nothing was
     * rolled back here, because the interrupted thread is the worst place to do it (clients refuse to
     * work on it) and whoever interrupted it rolls back next ({@code post { aborted } rollbackTenant},
     * which waits for this run's lock). The tenant keeps its state until then.
     */
    record Interrupted(String slug, TenantState reached, String reason) implements ProvisioningResult {

        public String message() {
            return "provisioning of tenant '" + slug + "' was interrupted in " + reached + " (" + reason
                    + "); nothing was rolled back by this run: roll it back with rollbackTenant or `tenantctl rollback "
                    + slug + "`";
        }
    }
}
