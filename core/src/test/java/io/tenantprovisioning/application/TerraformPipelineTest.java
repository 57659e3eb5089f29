package io.tenantprovisioning.application;

import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.application.PipelineHook;
import io.tenantprovisioning.model.EngineKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.redis.RedisEndpoint;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Path;
import java.sql.Connection;
import io.tenantprovisioning.testing.AdminPostgres;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The terraform engine through the whole pipeline on the real OpenTofu binary (provider-free root
 * terraform/local) and the real services: provision → ACTIVE with the plan recorded in the audit
 * trail, and a tenant whose isolation is broken on purpose fails validation and rolls back to zero,
 * Terraform state included.
 */
@Tag("opentofu")
class TerraformPipelineTest {

    @TempDir
    Path dataDir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private Settings settings;
    private TenantPlatform platform;

    @BeforeEach
    void open() {
        settings = TestServices.settingsIn(dataDir, Map.of());
        platform = TenantPlatform.open(settings, (step, message) -> log.add(step + ": " + message));
    }

    @AfterEach
    void close() {
        platform.close();
    }

    private ProgressListener progress() {
        return (step, message) -> log.add(step + ": " + message);
    }

    private static RequestDraft bronze(Slug slug) {
        return new RequestDraft(slug.value(), "bronze", "us-east-1", "300000", "owner@tf.example", "INTERNAL",
                "NONE", false, null, null);
    }

    @Test
    void provisionsThroughTerraformRecordsThePlanAndOffboardsToZero() throws Exception {
        Slug slug = TestServices.uniqueSlug("tfpipe");
        PipelineOutcome outcome = platform.job().run(bronze(slug), "test", EngineKind.TERRAFORM,
                progress());
        assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.Activated.class);
        assertThat(platform.services().registry().tenants().require(slug).engine()).isEqualTo("terraform");
        assertThat(workspaceRows(slug)).isEqualTo(1);
        List<AuditRecord> audit = platform.services().registry().audit().forTenant(slug.value());
        assertThat(audit).anySatisfy(r -> assertThat(r.action()).isEqualTo("terraform-plan-applied"));
        assertThat(audit.stream().filter(r -> r.action().equals("terraform-plan-applied")).findFirst().orElseThrow()
                .reason()).contains("plan sha256 ").contains("auto-approved").contains("terraform.workspace");

        assertThat(platform.offboard(slug, progress()).complete()).as(String.join("\n", log)).isTrue();
        assertNothingLeft(slug);
    }

    @Test
    void aTenantThatFailsValidationIsRolledBackToZeroTerraformStateIncluded() throws Exception {
        Slug slug = TestServices.uniqueSlug("tfbroken");
        PipelineHook widenAcl = s -> {
            try (Jedis admin = RedisEndpoint.fromSettings(settings)
                    .connect(null, settings.requiredSecret(Setting.REDIS_PASSWORD))) {
                admin.aclSetUser(s.redisUser(), "allkeys");
            }
        };
        PipelineOutcome outcome = platform.job(widenAcl).run(bronze(slug), "test",
                EngineKind.TERRAFORM, progress());
        assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.RolledBack.class);
        PipelineOutcome.RolledBack rolledBack = (PipelineOutcome.RolledBack) outcome;
        assertThat(rolledBack.reason()).contains("cross-tenant-isolation");
        assertThat(rolledBack.complete()).isTrue();
        assertThat(platform.services().registry().tenants().require(slug).state().name()).isEqualTo("ROLLED_BACK");
        assertNothingLeft(slug);
        assertThat(log).anySatisfy(line -> assertThat(line).contains("destroy"));
    }

    private void assertNothingLeft(Slug slug) throws Exception {
        for (ResourceDriver driver : platform.services().drivers()) {
            assertThat(driver.describe(slug)).as(driver.kind().stepName()).isEmpty();
            assertThat(driver.listManaged()).noneMatch(r -> r.tenantSlug().equals(slug.value()));
        }
        assertThat(workspaceRows(slug)).as("terraform workspace row").isZero();
        assertThat(platform.services().vault().all(slug)).isEmpty();
    }

    /** Rows of the tenant's workspace in the pg backend's state table, read with the admin role. */
    private int workspaceRows(Slug slug) throws Exception {
        try (Connection c = AdminPostgres.connect(settings.string(Setting.REGISTRY_DB_NAME));
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM terraform_state.states WHERE name = ?")) {
            ps.setString(1, "t-" + slug.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
