/**
 * Fault injection for the reliability suite: a {@link io.tenantprovisioning.faults.FaultPlan} of typed
 * {@link io.tenantprovisioning.faults.FaultPoint}s, and decorators that reach the plan around the drivers,
 * the journal, the vault, the process launcher and the lifecycle transitions.
 *
 * <p>Spec grammar ({@link io.tenantprovisioning.faults.FaultPlan#parse}); blank or {@code none} arms nothing:
 * <pre>
 * spec   := fault ("," fault)*
 * fault  := site ":" target "=" effect
 * site   := driver-create | driver-after-create | driver-describe | driver-destroy | driver-after-destroy
 *         | driver-list | journal-intend | journal-created | vault-put | vault-read | vault-delete
 *         | vault-delete-all | process-launch | lifecycle-transition
 * target := "*" | a resource kind (postgres, redis, object-store, vector, monitoring, signing-key)
 *         | a Terraform subcommand (init, plan, apply, show, output, destroy, workspace, ...)
 *         | a tenant state (ACTIVE, ROLLING_BACK, ...), whichever the site takes
 * effect := "fail" | "fail-times:" n | "pause:" n ("ms" | "s" | "m")      (n a whole number, at least 1)
 * </pre>
 * e.g. {@code driver-destroy:redis=fail,driver-create:vector=pause:30s,process-launch:apply=fail-times:1}.
 */
package io.tenantprovisioning.faults;
