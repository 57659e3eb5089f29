package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.registry.AuditRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aborting a build in the middle of terraformProvision, on the real services, as Jenkins does it: the
 * execution's stop() fails the step at once and interrupts the pool thread that is still provisioning
 * under the tenant's run lock; then {@code post { aborted }} runs rollbackTenant. Exactly one rollback
 * runs and completes, and nothing of the tenant is left.
 */
class AbortDuringProvisioningTest {

    private static final Duration REACHED = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    @Test
    @SuppressWarnings("unchecked")
    void anAbortWhileConfiguringEndsInOneCompletedRollbackAndNothingLeft() throws Exception {
        try (ServicesBuild services = new ServicesBuild("abort", temp)) {
            LocalBuild build = services.build;
            String tenant = services.slug.value();
            Map<String, Object> submitted = (Map<String, Object>) build.run(new ApproveBudgetStep(
                    tenant.replace('-', ' '), "Bronze", "us-east-1", "500000", "owner@acme.example"));
            TerraformProvisionStep provision = new TerraformProvisionStep((String) submitted.get("requestId"));
            provision.setEngine("direct");

            // every resource created, then held at the configure step, lock held, until the abort
            LocalBuild.Running running = build.start(provision, Map.of("TENANTCTL_PAUSE_AT", "configure:300"));
            awaitState(services, "CONFIGURING");
            InterruptedException abort = new InterruptedException("Aborted by test-user");
            running.abort(abort);

            assertThatThrownBy(() -> running.outcome(Duration.ZERO)).as("the step failed at once").isSameAs(abort);
            // post { aborted }: started at once, while the interrupted worker may still hold the run lock
            Map<String, Object> rolledBack = (Map<String, Object>) build.run(new RollbackTenantStep(tenant));

            assertThat(rolledBack).as(build.log()).containsEntry("state", "ROLLED_BACK").containsEntry("complete", true);
            assertThat(services.state()).isEqualTo("ROLLED_BACK");
            assertThat(services.footprint()).as("what is left of " + tenant).isEmpty();
            assertThat(rollbacksOf(services)).as("rollbacks started (moves to ROLLING_BACK)").isEqualTo(1);
            assertThat(build.log()).contains("was interrupted in CONFIGURING", "nothing was rolled back by this run");
            assertThat(running.reports()).as("the worker's own failure was not a second outcome").isEqualTo(1);
            // every move the steps made names the build (a timer started it), never the controller's OS account
            assertThat(services.platform.services().registry().audit().forTenant(tenant)).filteredOn(
                    r -> "transition".equals(r.action()) && !"approval-policy".equals(r.actor()))
                    .isNotEmpty().extracting(AuditRecord::actor).allMatch(a -> a.endsWith("(jenkins:build)"), "the build");
        }
    }

    private static void awaitState(ServicesBuild services, String state) throws InterruptedException {
        long deadline = System.nanoTime() + REACHED.toNanos();
        while (!state.equals(services.state())) {
            assertThat(System.nanoTime() < deadline).as("tenant reached " + state + " in time").isTrue();
            Thread.sleep(100);
        }
    }

    private static long rollbacksOf(ServicesBuild services) {
        List<AuditRecord> trail = services.platform.services().registry().audit().forTenant(services.slug.value());
        return trail.stream().filter(r -> "ROLLING_BACK".equals(r.toState())).count();
    }
}
