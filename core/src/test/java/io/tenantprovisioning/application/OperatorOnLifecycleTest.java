package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.IdentitySource;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every lifecycle move names the operator the adapter authenticated (the CLI's TENANTCTL_OPERATOR, the
 * Jenkins build's user), never the OS account the JVM happens to run under (issue 15, item 8).
 */
class OperatorOnLifecycleTest {

    @TempDir
    Path dataDir;

    @Test
    void provisioningAndOffboardingRecordTheOperatorOnEveryTransition() throws Exception {
        Actor operator = new Actor("alice@example.com", IdentitySource.CLI_OPERATOR_VARIABLE);
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Slug slug = TestServices.uniqueSlug("oper");
        try (TenantPlatform platform = TenantPlatform.open(TestServices.settingsIn(dataDir, Map.of()),
                (step, message) -> log.add(step + ": " + message), operator)) {
            PipelineOutcome outcome = platform.job().run(new RequestDraft(slug.value(), "bronze", "us-east-1",
                    "500000", "owner@acme.example", "INTERNAL", "NONE", false, null, null), "test",
                    EngineKind.DIRECT, (step, message) -> log.add(step + ": " + message));
            assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.Activated.class);
            assertThat(platform.offboard(slug, (step, message) -> log.add(step + ": " + message)).complete()).isTrue();

            List<AuditRecord> moves = platform.ledger().audit(slug).stream()
                    .filter(r -> r.action().equals("transition")).toList();
            assertThat(moves).extracting(AuditRecord::toState)
                    .contains("PROVISIONING", "CONFIGURING", "VALIDATING", "ACTIVE", "OFFBOARDED");
            // the auto-approval is the policy's decision, not the operator's; every other move is the operator's
            assertThat(moves).filteredOn(r -> !r.actor().equals("approval-policy")).hasSizeGreaterThanOrEqualTo(5)
                    .extracting(AuditRecord::actor)
                    .allMatch(actor -> actor.equals("alice@example.com (cli:TENANTCTL_OPERATOR)"), "the operator");
        }
    }
}
