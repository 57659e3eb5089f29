package io.tenantprovisioning.application;

import io.tenantprovisioning.validation.ValidationReport;
import java.util.List;
import java.util.Map;

/** How a `provision` / `resume` run ended. Closed: the CLI maps each to an exit code. */
public sealed interface PipelineOutcome {

    String slug();

    /** Stopped at PENDING_APPROVAL; nothing was created. */
    record AwaitingApproval(String slug, SubmissionResult submission) implements PipelineOutcome {
    }

    /** Provisioned, validated and ACTIVE. */
    record Activated(String slug, SubmissionResult submission, Map<String, String> outputs, ValidationReport report)
            implements PipelineOutcome {
    }

    /**
     * Failed and rolled back. {@code report} is present when validation was the step that failed;
     * {@code survivors} is empty when the sweep proved nothing is left.
     */
    record RolledBack(String slug, String reason, ValidationReport report, List<String> survivors)
            implements PipelineOutcome {
        public RolledBack {
            survivors = List.copyOf(survivors);
        }

        public boolean complete() {
            return survivors.isEmpty();
        }
    }

    /** An idempotent replay: the first request's outcome, as the tenant's state says now. */
    record Replayed(String slug, SubmissionResult submission, String state) implements PipelineOutcome {
    }
}
