package io.tenantprovisioning.engine.terraform;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A plan that succeeded. Errors are thrown instead ({@link TerraformException} with
 * {@link TerraformErrorCode#PLAN_FAILED}, or {@link StateLockedException}).
 *
 * @param planFile absolute path of the saved plan
 * @param warnings warning diagnostics the plan reported
 */
public record PlanResult(PlanStatus status, Path planFile, List<Diagnostic> warnings) {

    public PlanResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(planFile, "planFile");
        warnings = List.copyOf(warnings);
    }

    public boolean hasChanges() {
        return status == PlanStatus.CHANGES;
    }
}
