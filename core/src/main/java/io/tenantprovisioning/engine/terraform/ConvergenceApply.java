package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.progress.ProgressListener;
import java.nio.file.Path;

/**
 * A plan right after the apply: empty when the endpoint kept everything the applied plan set. An S3
 * endpoint that ignores the tags CreateBucket carries (moto does; AWS keeps them) leaves the bucket
 * untagged, so that plan updates its tags in place: applied once, toward the same configuration, so the
 * resources carry the registry's marker before the drivers adopt them. Anything but in-place updates
 * (a create, delete or replace) is not a convergence but a different plan: refused.
 */
final class ConvergenceApply {

    /** Its own file: the approved plan's name stays the approved plan's. */
    static final Path PLAN_FILE = Path.of("converge.tfplan");

    private ConvergenceApply() {
    }

    /**
     * @throws TerraformException (APPLY_FAILED) when the plan after the apply holds more than in-place updates
     */
    static void converge(TerraformRunner tf, String workspace, ProgressListener progress) {
        PlanResult again = tf.plan(PlanOptions.DEFAULTS.withOut(PLAN_FILE));
        try {
            if (!again.hasChanges()) {
                return;
            }
            PlanSummary rest = tf.show(again.planFile());
            if (rest.changes().stream().anyMatch(c -> c.action() != ChangeAction.UPDATE
                    && c.action() != ChangeAction.NO_OP && c.action() != ChangeAction.READ)) {
                throw new TerraformException(TerraformErrorCode.APPLY_FAILED, "right after the apply, a plan of "
                        + workspace + " would still " + String.join("; ", rest.describe())
                        + ": more than the in-place updates of an endpoint that did not keep everything applied");
            }
            progress.event(TerraformEngine.NAME, "the endpoint did not keep everything the apply set; updating in "
                    + "place: " + String.join(", ", rest.updates()));
            tf.apply(again.planFile(), rest.planSha256());
        } finally {
            TerraformEngine.deletePlan(again.planFile(), progress);
        }
    }
}
