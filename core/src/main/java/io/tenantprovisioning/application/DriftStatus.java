package io.tenantprovisioning.application;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the tenant's last re-validation recorded about drift between its resource journal and its
 * services. Only re-validation looks for drift, so a tenant never re-validated was never checked.
 */
public sealed interface DriftStatus {

    /** No recorded re-validation of this tenant. */
    record NotChecked() implements DriftStatus {
    }

    /** Every journalled resource existed with its journalled tags at {@code checkedAt}. */
    record Clean(Instant checkedAt) implements DriftStatus {

        public Clean {
            Objects.requireNonNull(checkedAt, "checkedAt");
        }
    }

    /**
     * Drift was found at {@code checkedAt}.
     *
     * @param findings one line per finding, as recorded ("redis t_acme: MISSING — …")
     */
    record Drifted(Instant checkedAt, List<String> findings) implements DriftStatus {

        public Drifted {
            Objects.requireNonNull(checkedAt, "checkedAt");
            findings = List.copyOf(findings);
        }
    }
}
