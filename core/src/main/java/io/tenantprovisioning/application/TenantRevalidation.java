package io.tenantprovisioning.application;

import io.tenantprovisioning.application.DriftFinding;
import io.tenantprovisioning.validation.ValidationReport;
import io.tenantprovisioning.model.TenantState;
import java.util.List;
import java.util.Objects;

/** What re-validation did with one tenant: checked it, skipped it, or could not check it. */
public sealed interface TenantRevalidation {

    String slug();

    /**
     * The suite ran and drift was looked for.
     *
     * @param report   the suite's eight results
     * @param recorded the run as recorded in the registry and written as JUnit: the suite's results plus one
     *                 critical {@code resource-drift} result and one non-critical {@code credential-age} result (a
     *                 warning past CREDENTIAL_MAX_AGE_DAYS); its {@code passed()} decided the new state
     * @param notified whether a TenantDegraded / TenantRecovered notification went out (only on a change)
     */
    record Checked(String slug, TenantState before, TenantState after, ValidationReport report,
                   ValidationReport recorded, List<DriftFinding> drift, boolean notified)
            implements TenantRevalidation {

        public Checked {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            drift = List.copyOf(drift);
        }

        public boolean changed() {
            return before != after;
        }

        public boolean healthy() {
            return recorded.passed();
        }
    }

    /** Not checked, on purpose: another run holds the tenant's lock, or it is not ACTIVE/DEGRADED. */
    record Skipped(String slug, TenantState state, String reason) implements TenantRevalidation {
    }

    /** Could not be re-validated (the registry or vault failed, not a check); its state is unchanged. */
    record Failed(String slug, String reason) implements TenantRevalidation {
    }
}
