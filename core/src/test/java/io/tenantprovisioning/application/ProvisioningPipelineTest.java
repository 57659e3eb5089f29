package io.tenantprovisioning.application;

import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.model.EngineKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole job on the real local services: submit → provision → validate → ACTIVE, and rollback. */
class ProvisioningPipelineTest {

    @TempDir
    Path dataDir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private TenantPlatform platform;

    @BeforeEach
    void open() {
        platform = open(Map.of());
    }

    private TenantPlatform open(Map<Setting, String> extra) {
        Settings settings = TestServices.settingsIn(dataDir, extra);
        return TenantPlatform.open(settings, (step, message) -> log.add(step + ": " + message));
    }

    @AfterEach
    void close() {
        platform.close();
    }

    private static RequestDraft draft(Slug slug, String tier, String budget) {
        return new RequestDraft(slug.value(), tier, "us-east-1", budget, "owner@acme.example", "INTERNAL", "NONE",
                false, null, null);
    }

    @Test
    void bronzeTenantGoesAllTheWayToActiveThenOffboardsToZero() throws Exception {
        Slug slug = TestServices.uniqueSlug("pipe");
        PipelineOutcome outcome = platform.job().run(draft(slug, "bronze", "500000"), "test",
                EngineKind.DIRECT, (step, message) -> log.add(step + ": " + message));
        assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.Activated.class);
        PipelineOutcome.Activated active = (PipelineOutcome.Activated) outcome;
        assertThat(active.report().results()).hasSize(8);
        assertThat(platform.services().registry().tenants().require(slug).state().name()).isEqualTo("ACTIVE");
        for (ResourceDriver driver : platform.services().drivers()) {
            assertThat(driver.describe(slug)).as(driver.kind().stepName()).isPresent();
        }
        var result = platform.offboard(slug, (step, message) -> log.add(step + ": " + message));
        assertThat(result.complete()).as(String.join("\n", log)).isTrue();
        for (ResourceDriver driver : platform.services().drivers()) {
            assertThat(driver.describe(slug)).as(driver.kind().stepName()).isEmpty();
            assertThat(driver.listManaged()).noneMatch(r -> r.tenantSlug().equals(slug.value()));
        }
        assertThat(platform.services().registry().tenants().require(slug).state().name()).isEqualTo("OFFBOARDED");
    }
}
