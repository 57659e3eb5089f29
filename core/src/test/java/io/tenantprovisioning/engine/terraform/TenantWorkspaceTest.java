package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-tenant folder, without a binary: what is copied, what is generated, where secrets go. */
class TenantWorkspaceTest {

    private static final String PASSWORD = "p@ss:w/rd %+ é-" + System.nanoTime();

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();
    private final Slug slug = Slug.of("acme-corp");
    private final PgBackend pg = new PgBackend("127.0.0.1", 5432, "tenant_registry", "tenantctl_admin",
            Secret.of(PASSWORD), PgBackend.DEFAULT_SCHEMA, "disable");

    private TenantVariables variables() {
        return new TenantVariables(slug, TierCatalog.load().config(Tier.GOLD), "ap-south-1",
                new ChargebackTags("acme-corp", "Gold", "CC_ACME_CORP", "tenantctl", "req-1").asMap(), "tenant",
                Map.of("revision", 3));
    }

    private Path moduleTree() throws Exception {
        Path tree = tmp.resolve("src");
        Files.createDirectories(tree.resolve("tenant/.terraform/providers"));
        Files.createDirectories(tree.resolve("modules/x"));
        Files.writeString(tree.resolve("tenant/main.tf"), "module \"x\" { source = \"../modules/x\" }\n");
        Files.writeString(tree.resolve("tenant/.terraform/providers/junk"), "cache");
        Files.writeString(tree.resolve("tenant/terraform.tfstate"), "{}");
        Files.writeString(tree.resolve("tenant/old.tfplan"), "plan");
        Files.writeString(tree.resolve("modules/x/main.tf"), "# module\n");
        return tree;
    }

    @Test
    void copiesTheWholeTreeButNotCachesStateOrPlans() throws Exception {
        TenantWorkspace ws = TenantWorkspace.prepare(tmp.resolve("work"), new ModuleSource(moduleTree(), "tenant"),
                variables(), pg);
        assertThat(ws.dir()).isEqualTo(tmp.resolve("work/acme-corp/tenant"));
        assertThat(ws.workspaceName()).isEqualTo("t-acme-corp");
        assertThat(ws.dir().resolve("main.tf")).exists();
        assertThat(ws.dir().resolve("../modules/x/main.tf").normalize()).exists();
        assertThat(ws.dir().resolve(".terraform")).doesNotExist();
        assertThat(ws.dir().resolve("terraform.tfstate")).doesNotExist();
        assertThat(ws.dir().resolve("old.tfplan")).doesNotExist();
    }

    @Test
    void writesTheTenantVariables() throws Exception {
        TenantWorkspace ws = TenantWorkspace.prepare(tmp.resolve("work"), new ModuleSource(moduleTree(), "tenant"),
                variables(), pg);
        JsonNode vars = json.readTree(ws.dir().resolve(TenantWorkspace.TFVARS_FILE).toFile());
        assertThat(vars.path("tenant_slug").asText()).isEqualTo("acme-corp");
        assertThat(vars.path("tier").asText()).isEqualTo("Gold");
        assertThat(vars.path("region").asText()).isEqualTo("ap-south-1");
        assertThat(vars.path("tags").path("CostCenter").asText()).isEqualTo("CC_ACME_CORP");
        assertThat(vars.path("tier_config").path("queries_per_minute").asInt()).isEqualTo(1000);
        assertThat(vars.path("tier_config").path("features").isArray()).isTrue();
        assertThat(vars.path("names").path("sql_identifier").asText()).isEqualTo("t_acme_corp");
        assertThat(vars.path("names").path("bucket").asText()).isEqualTo("tenant-acme-corp");
        assertThat(vars.path("names").path("qualified_name").asText()).isEqualTo("tenant-acme-corp");
        assertThat(vars.path("revision").asInt()).isEqualTo(3);
    }

    @Test
    void pgBackendGoesToTheOverrideFileAndItsPasswordOnlyToTheEnvironment() throws Exception {
        TenantWorkspace ws = TenantWorkspace.prepare(tmp.resolve("work"), new ModuleSource(moduleTree(), "tenant"),
                variables(), pg);
        JsonNode override = json.readTree(ws.dir().resolve(TenantWorkspace.BACKEND_OVERRIDE_FILE).toFile());
        assertThat(override.path("terraform").path("backend").path("pg").path("schema_name").asText())
                .isEqualTo("terraform_state");
        try (Stream<Path> files = Files.walk(tmp.resolve("work"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(PASSWORD);
            }
        }
        Secret conn = pg.secretEnvironment().get("PG_CONN_STR");
        assertThat(conn.reveal()).startsWith("postgres://tenantctl_admin:p%40ss%3Aw%2Frd%20%25%2B%20%C3%A9-")
                .endsWith("@127.0.0.1:5432/tenant_registry?sslmode=disable&application_name=tofu%20%28tenantctl%29");
        assertThat(pg.toString()).doesNotContain(PASSWORD);
        assertThat(pg.masked()).extracting(Secret::reveal).contains(PASSWORD, conn.reveal());
    }

    @Test
    void s3BackendSettings() throws Exception {
        S3Backend s3 = new S3Backend("tf-state", "tenants", "ap-south-1", "");
        TenantWorkspace ws = TenantWorkspace.prepare(tmp.resolve("work"), new ModuleSource(moduleTree(), "tenant"),
                variables(), s3);
        JsonNode block = json.readTree(ws.dir().resolve(TenantWorkspace.BACKEND_OVERRIDE_FILE).toFile())
                .path("terraform").path("backend").path("s3");
        assertThat(block.path("bucket").asText()).isEqualTo("tf-state");
        assertThat(block.path("key").asText()).isEqualTo("terraform.tfstate");
        assertThat(block.path("workspace_key_prefix").asText()).isEqualTo("tenants");
        assertThat(block.path("use_lockfile").asBoolean()).isTrue();
        assertThat(block.has("endpoints")).isFalse();
        assertThat(s3.lockInspector().supportsForceUnlock()).isTrue();
        assertThatThrownBy(() -> new S3Backend("b", "/tenants", "r", "")).hasMessageContaining("key prefix");
    }

    @Test
    void preparingAgainReplacesTheCopyAndRemoveDeletesIt() throws Exception {
        Path tree = moduleTree();
        TenantWorkspace first = TenantWorkspace.prepare(tmp.resolve("work"), new ModuleSource(tree, "tenant"),
                variables(), pg);
        Files.writeString(first.dir().resolve("leftover.tf"), "# from an earlier run");
        TenantWorkspace again = TenantWorkspace.prepare(tmp.resolve("work"), new ModuleSource(tree, "tenant"),
                variables(), pg);
        assertThat(again.dir().resolve("leftover.tf")).doesNotExist();
        again.remove();
        assertThat(tmp.resolve("work/acme-corp")).doesNotExist();
    }

    @Test
    void rootModuleMustBeInsideTheTree() throws Exception {
        Path tree = moduleTree();
        assertThatThrownBy(() -> new ModuleSource(tree, "../elsewhere")).hasMessageContaining("inside");
        assertThatThrownBy(() -> new ModuleSource(tree, "missing")).hasMessageContaining("does not exist");
        Path repository = Path.of("").toAbsolutePath().getParent(); // tests run in core/
        assertThat(ModuleSource.repository(repository).tree().resolve("tenant/versions.tf")).exists();
    }

    @Test
    void badBackendSettingsAreRefused() {
        assertThatThrownBy(() -> new PgBackend("h", 5432, "db", "u", Secret.of("x"), "Bad-Schema", "disable"))
                .hasMessageContaining("schema_name");
        assertThatThrownBy(() -> new PgBackend("h", 5432, "db", "u", Secret.of("x"), "ok", "prefer"))
                .hasMessageContaining("sslmode");
        assertThat(List.of("disable", "require")).allSatisfy(mode ->
                assertThat(new PgBackend("h", 1, "d", "u", Secret.of("x"), "s", mode).sslMode()).isEqualTo(mode));
    }
}
