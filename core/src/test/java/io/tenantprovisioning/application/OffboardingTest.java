package io.tenantprovisioning.application;

import io.tenantprovisioning.application.TenantAccessLoader;
import io.tenantprovisioning.application.OffboardingResult;
import io.tenantprovisioning.application.ExportSummary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.ChainVerification;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.objectstore.ObjectKey;
import io.tenantprovisioning.resource.objectstore.TenantObjectClient;
import io.tenantprovisioning.resource.postgres.PostgresSchemaDriver;
import io.tenantprovisioning.resource.postgres.TenantDatabase;
import io.tenantprovisioning.resource.postgres.TenantDocuments;
import io.tenantprovisioning.testing.AdminPostgres;
import io.tenantprovisioning.model.IllegalTransitionException;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offboarding on the real local services: export, zero resources left, records kept. */
class OffboardingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @TempDir
    Path exportDir;

    private ActiveTenants tenants;
    private Registry registry;

    @BeforeEach
    void open() {
        tenants = new ActiveTenants(dataDir);
        registry = tenants.platform.services().registry();
    }

    @AfterEach
    void close() {
        tenants.close();
    }

    @Test
    void exportsThenLeavesZeroResourcesAndKeepsRowApprovalsAndAuditTrail() throws Exception {
        Slug slug = tenants.provision("off");
        TenantRecord before = registry.tenants().require(slug);
        TenantAccess access = new TenantAccessLoader(registry, tenants.platform.services().vault()).load(before);
        try (TenantDatabase database = TenantDatabase.of(access)) {
            new TenantDocuments(database).insert("Quarterly numbers", "Revenue grew.", List.of("Revenue", "grew."));
        }
        byte[] report = "q1 report\n".getBytes(StandardCharsets.UTF_8);
        try (TenantObjectClient bucket = tenants.platform.services().objectStore().backend().tenantClient(access)) {
            bucket.put(ObjectKey.of("reports/2025/q1.txt"), report);
        }
        int approvals = registry.approvals().forRequest(before.requestId()).size();
        List<AuditRecord> trailBefore = registry.audit().forTenant(slug.value());
        Path target = exportDir.resolve("acme-export");

        OffboardingResult result = tenants.platform.offboarding().run(slug, Optional.of(target), tenants.progress);

        assertThat(result.complete()).as(String.join("\n", tenants.log)).isTrue();
        assertThat(result.teardown().state().name()).isEqualTo("OFFBOARDED");
        for (ResourceDriver driver : tenants.platform.services().drivers()) {
            assertThat(driver.describe(slug)).as(driver.kind().stepName()).isEmpty();
            assertThat(driver.listManaged()).as(driver.kind().stepName())
                    .noneMatch(r -> r.tenantSlug().equals(slug.value()));
        }
        TenantRecord after = registry.tenants().require(slug);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.state().name()).isEqualTo("OFFBOARDED");
        assertThat(registry.approvals().forRequest(before.requestId())).hasSize(approvals);
        List<AuditRecord> trail = registry.audit().forTenant(slug.value());
        assertThat(trail).hasSize(trailBefore.size() + 2).startsWith(trailBefore.toArray(AuditRecord[]::new));
        assertCompleteTrail(trail);
        assertThat(result.keptAuditRows()).isEqualTo(trail.size());
        assertThat(result.keptApprovals()).isEqualTo(approvals);
        assertThat(registry.audit().verify()).isInstanceOf(ChainVerification.Intact.class);

        ExportSummary export = result.export().orElseThrow();
        assertThat(export.objects()).isEqualTo(1);
        assertThat(export.objectBytes()).isEqualTo(report.length);
        assertThat(target.resolve("objects/reports/2025/q1.txt")).hasBinaryContent(report);
        List<String> documents = Files.readAllLines(target.resolve("postgres/documents.jsonl"));
        assertThat(documents).anySatisfy(line -> {
            JsonNode row = JSON.readTree(line);
            assertThat(row.path("title").asText()).isEqualTo("Quarterly numbers");
            assertThat(row.path("tenant_id").asText()).isEqualTo(slug.value());
            assertThat(row.path("id").isNumber()).isTrue();
        });
        assertThat(Files.readString(target.resolve("postgres/chunks.jsonl"))).contains("\"content\":\"Revenue\"");
        assertThat(export.rowsPerTable()).containsKeys("documents", "chunks", "query_log")
                .containsEntry("documents", (long) documents.size());
        assertThat(export.rowsInSchema()).isEqualTo(export.rowsPerTable());
        JsonNode manifest = JSON.readTree(target.resolve("manifest.json").toFile());
        assertThat(manifest.path("tenant").asText()).isEqualTo(slug.value());
        assertThat(manifest.path("objects").asInt()).isEqualTo(1);
        assertOwnerOnly(target.resolve("postgres"), target.resolve("objects/reports/2025"),
                target.resolve("postgres/documents.jsonl"), target.resolve("objects/reports/2025/q1.txt"),
                target.resolve("manifest.json"));
    }

    /** The tenant's data at rest is the operator's alone: no group or world bits, whatever the umask. */
    private static void assertOwnerOnly(Path... written) throws IOException {
        for (Path path : written) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(path.toString())
                    .endsWith("------");
        }
    }

    /** Why the export reads as the tenant: RLS is forced and admits only the tenant role. */
    @Test
    void theAdminSeesNoTenantRowsEvenWithTheTenantIdSet() throws Exception {
        Slug slug = tenants.provision("ofa");
        TenantAccess access = new TenantAccessLoader(registry, tenants.platform.services().vault())
                .load(registry.tenants().require(slug));
        long tenantSees;
        try (TenantDatabase database = TenantDatabase.of(access)) {
            new TenantDocuments(database).insert("Visible to the tenant", "body", List.of("body"));
            tenantSees = new TenantDocuments(database).countDocuments();
        }
        long adminSees;
        try (Connection admin = AdminPostgres.connect()) {
            admin.setAutoCommit(false);
            try (PreparedStatement set = admin.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                set.setString(1, slug.value());
                set.executeQuery().close();
            }
            try (PreparedStatement count = admin.prepareStatement("select count(*) from "
                    + PostgresSchemaDriver.nameOf(slug).qualify("documents"));
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                adminSees = rs.getLong(1);
            }
            admin.rollback();
        }
        assertThat(tenantSees).isPositive();
        assertThat(adminSees).isZero();
    }

    /**
     * Issue #15 item 7: a row the tenant's role cannot read (here one written before tenant_id was
     * enforced, as the admin) would be missing from the export; offboarding refuses to drop it.
     */
    @Test
    void anExportThatMissesRowsDestroysNothing() throws Exception {
        Slug slug = tenants.provision("ofm");
        String documents = PostgresSchemaDriver.nameOf(slug).qualify("documents");
        AdminPostgres.execute("ALTER TABLE " + documents + " NO FORCE ROW LEVEL SECURITY",
                "ALTER TABLE " + documents + " DROP CONSTRAINT documents_tenant_id_is_this_tenant",
                "INSERT INTO " + documents + " (tenant_id, title, body) VALUES ('', 'before the fix', 'lost?')",
                "ALTER TABLE " + documents + " ADD CONSTRAINT documents_tenant_id_is_this_tenant CHECK (tenant_id = '"
                        + slug + "') NOT VALID",
                "ALTER TABLE " + documents + " FORCE ROW LEVEL SECURITY");
        Offboarding offboarding = tenants.platform.offboarding();

        assertThatThrownBy(() -> offboarding.run(slug, Optional.of(exportDir.resolve("missed")), tenants.progress))
                .isInstanceOf(TenantExportException.class)
                .hasMessageContaining("nothing was destroyed")
                .hasMessageContaining("missed rows the tenant's role cannot read (documents: 0 of 1 rows)");
        assertThat(tenants.state(slug)).isEqualTo("ACTIVE");
        for (ResourceDriver driver : tenants.platform.services().drivers()) {
            assertThat(driver.describe(slug)).as(driver.kind().stepName()).isPresent();
        }
        assertThat(tenants.platform.services().postgres().countAllRows(slug)).containsEntry("documents", 1L);
    }

    @Test
    void refusalsChangeNothing() throws Exception {
        Slug slug = tenants.provision("ofr");
        Files.writeString(exportDir.resolve("earlier.txt"), "an earlier export");
        Offboarding offboarding = tenants.platform.offboarding();

        assertThatThrownBy(() -> offboarding.run(slug, Optional.of(exportDir), tenants.progress))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not empty");
        assertThat(tenants.state(slug)).isEqualTo("ACTIVE");
        for (ResourceDriver driver : tenants.platform.services().drivers()) {
            assertThat(driver.describe(slug)).as(driver.kind().stepName()).isPresent();
        }

        assertThat(offboarding.run(slug, Optional.empty(), tenants.progress).complete()).isTrue();
        assertThatThrownBy(() -> offboarding.run(slug, Optional.empty(), tenants.progress))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("OFFBOARDED");
    }

    /** Every transition starts where the previous one ended, from the first to OFFBOARDED. */
    private static void assertCompleteTrail(List<AuditRecord> trail) {
        List<AuditRecord> transitions = new ArrayList<>(trail.stream()
                .filter(r -> r.action().equals("transition")).toList());
        assertThat(transitions).isNotEmpty();
        for (int i = 1; i < transitions.size(); i++) {
            assertThat(transitions.get(i).fromState()).as("transition " + i)
                    .isEqualTo(transitions.get(i - 1).toState());
        }
        assertThat(transitions).extracting(r -> r.fromState() + "→" + r.toState())
                .contains("VALIDATING→ACTIVE", "ACTIVE→OFFBOARDING")
                .last().isEqualTo("OFFBOARDING→OFFBOARDED");
    }
}
