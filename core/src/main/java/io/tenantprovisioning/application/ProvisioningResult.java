package io.tenantprovisioning.application;

import java.util.Map;

/** How provisioning an approved tenant ended. Closed: provisioned and configured, or rolled back. */
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
}
