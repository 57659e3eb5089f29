package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TenantFootprint;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composition root's fault points on the real services, end to end: an injected failure at a
 * lifecycle transition and after a create leave the tenant rolled back to nothing, and an armed
 * point a run never reaches changes nothing.
 */
class FaultPointsEndToEndTest {

    @TempDir
    Path dataDir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private TenantPlatform open(String faults) {
        Settings settings = TestServices.settingsIn(dataDir, Map.of(Setting.TENANTCTL_FAULTS, faults));
        return TenantPlatform.open(settings, (step, message) -> log.add(step + ": " + message));
    }

    private PipelineOutcome provision(TenantPlatform platform, Slug slug) {
        RequestDraft draft = new RequestDraft(slug.value(), "bronze", "us-east-1", "300000", "owner@faults.example",
                "INTERNAL", "NONE", false, null, null);
        return platform.job().run(draft, "test", EngineKind.DIRECT, (step, message) -> log.add(step + ": " + message));
    }

    @Test
    void aFailureAtTheMoveToActiveRollsTheTenantBackToNothing() throws Exception {
        Slug slug = TestServices.uniqueSlug("fault-active");
        try (TenantPlatform platform = open("lifecycle-transition:ACTIVE=fail");
             TenantFootprint footprint = new TenantFootprint(TestServices.settings())) {
            PipelineOutcome outcome = provision(platform, slug);
            assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.RolledBack.class);
            assertThat(((PipelineOutcome.RolledBack) outcome).reason()).contains("lifecycle-transition:ACTIVE");
            assertThat(platform.ledger().require(slug).state()).isEqualTo(TenantState.ROLLED_BACK);
            assertThat(footprint.of(slug).values()).allSatisfy(left -> assertThat(left).isEmpty());
        }
    }

    @Test
    void aResourceCreatedButReportedFailedIsStillRolledBack() throws Exception {
        Slug slug = TestServices.uniqueSlug("fault-aftercreate");
        try (TenantPlatform platform = open("driver-after-create:object-store=fail");
             TenantFootprint footprint = new TenantFootprint(TestServices.settings())) {
            PipelineOutcome outcome = provision(platform, slug);
            assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.RolledBack.class);
            assertThat(((PipelineOutcome.RolledBack) outcome).complete()).isTrue();
            assertThat(platform.ledger().require(slug).state()).isEqualTo(TenantState.ROLLED_BACK);
            assertThat(footprint.of(slug).values()).allSatisfy(left -> assertThat(left).isEmpty());
            assertThat(platform.lookOnServices(slug)).isEmpty();
        }
    }

    @Test
    void aRefusedLastMoveOfOffboardingIsFinishedByARerun() throws Exception {
        Slug slug = TestServices.uniqueSlug("fault-offboard");
        try (TenantPlatform platform = open("lifecycle-transition:OFFBOARDED=fail")) {
            PipelineOutcome outcome = provision(platform, slug);
            assertThat(outcome).as("a point provisioning never reaches changes nothing: " + log)
                    .isInstanceOf(PipelineOutcome.Activated.class);
            assertThatThrownBy(() -> platform.offboard(slug, (step, message) -> log.add(step + ": " + message)))
                    .hasMessageContaining("lifecycle-transition:OFFBOARDED");
            assertThat(platform.ledger().require(slug).state()).isEqualTo(TenantState.OFFBOARDING);
        }
        try (TenantPlatform platform = open("none")) {
            assertThat(platform.offboard(slug, (step, message) -> log.add(step + ": " + message)).complete()).isTrue();
            assertThat(platform.ledger().require(slug).state()).isEqualTo(TenantState.OFFBOARDED);
        }
    }
}
