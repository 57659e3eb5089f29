package io.tenantprovisioning.application;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** One tenant of a fleet rotation: rotated (each credential's outcome), or refused before anything changed. */
public sealed interface TenantRotation {

    String slug();

    /** True when every credential asked for was rotated or skipped on purpose. */
    boolean succeeded();

    /**
     * The rotation ran; its report says credential by credential what happened.
     *
     * @param due    the credentials that were older than the limit, with their age
     */
    record Ran(RotationReport report, List<DueCredential> due) implements TenantRotation {
        public Ran {
            Objects.requireNonNull(report, "report");
            due = List.copyOf(due);
        }

        @Override
        public String slug() {
            return report.slug();
        }

        @Override
        public boolean succeeded() {
            return !report.anyFailed();
        }
    }

    /**
     * Nothing was rotated for this tenant: another run held it, its state changed, its engine owns the
     * credentials asked for, or it could not be read. The reason says which.
     */
    record NotRun(String slug, String reason, Duration elapsed) implements TenantRotation {
        public NotRun {
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean succeeded() {
            return false;
        }
    }

    /** A credential due for rotation: its kind and how long it has been in use. */
    record DueCredential(CredentialKind kind, Duration age) {
    }
}
