package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.engine.terraform.TerraformContract.Mismatch;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TerraformRoot;
import io.tenantprovisioning.resource.kinds.ResourceKinds;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The variable and output contract between tenantctl and both shipped root modules, read by the real
 * OpenTofu binary (TERRAFORM_BIN; no providers, state or backend needed): the tfvars tenantctl writes
 * are exactly what each root declares, with the declared shapes; no output shadows a key the engine
 * sets or leaks a credential; the provider-free stand-in declares what the real root declares. The
 * last tests feed the checker edited HCL and show it names the exact mismatch.
 *
 * <p>The engine passes every output on as {@code terraform.<name>} (sensitive ones into the vault), and
 * reads by name only what the kinds' Terraform mappings bind: the outputs a kind Terraform creates is
 * adopted from (its credentials among them) and the outputs naming each kind's resource.
 */
@Tag("opentofu")
class TerraformVariableContractTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent(); // tests run in core/
    private static final Path LOCAL_ROOT = REPOSITORY.resolve(TenantModule.PROVIDER_FREE_DIR);
    private static final Path TENANT_ROOT = REPOSITORY.resolve(TenantModule.PROVIDERS_DIR);
    /** What the engine puts beside the outputs, under the same prefix. */
    private static final Set<String> ENGINE_KEYS = Set.of(TerraformEngine.WORKSPACE, TerraformEngine.PLAN_SHA256,
            TerraformEngine.PLAN_SUMMARY);
    /**
     * Outputs only the stand-in has: {@code api_token} stands in for the real root's credentials (so the
     * sensitive path runs, see terraform/local/README.md); {@code tier} the real root does not repeat.
     */
    private static final Set<String> STAND_IN_ONLY_OUTPUTS = Set.of("api_token", "tier");

    /** Every setting the providers root reads, the optional ones (S3_ENDPOINT, PINECONE_INDEX_HOST) set. */
    private static final Settings ALL_SET = Settings.of(Map.of(Setting.REGISTRY_DB_PASSWORD, "unused",
            Setting.AWS_REGION, "eu-west-1", Setting.S3_ENDPOINT, "http://127.0.0.1:5123",
            Setting.PINECONE_INDEX_HOST, "shared-index.svc.pinecone.io", Setting.GRAFANA_URL, "http://grafana.local"));
    /** Only what the providers root requires: the optional platform variables are left out. */
    private static final Settings REQUIRED_ONLY = Settings.of(Map.of(Setting.REGISTRY_DB_PASSWORD, "unused",
            Setting.GRAFANA_URL, "http://grafana.local"));

    private static final Slug SLUG = Slug.of("acme-corp");
    private static final ResourceKinds KINDS = ResourceKinds.withBucketPrefix("tenant");

    @TempDir
    Path scratch;

    private ModuleInterfaceReader reader;

    @BeforeEach
    void setUp() {
        // Not TestServices.settings(): this test needs the binary only, not the database it insists on
        String binary = new SettingsLoader(Map.of(), System.getenv(), Path.of("")).load()
                .string(Setting.TERRAFORM_BIN);
        reader = new ModuleInterfaceReader(binary, scratch);
    }

    @Test
    void theProviderFreeRootDeclaresExactlyWhatTenantctlWrites() throws Exception {
        RootModuleInterface local = reader.read(LOCAL_ROOT);

        assertThat(local.variables()).isNotEmpty();
        assertThat(TerraformContract.variables(local, written(TenantModule.PROVIDER_FREE_DIR, ALL_SET))).isEmpty();
    }

    @Test
    void theProvidersRootDeclaresExactlyWhatTenantctlWrites() throws Exception {
        RootModuleInterface tenant = reader.read(TENANT_ROOT);
        List<Map<String, Object>> documents = new ArrayList<>(written(TenantModule.PROVIDERS_DIR, ALL_SET));
        documents.addAll(written(TenantModule.PROVIDERS_DIR, REQUIRED_ONLY));

        assertThat(documents.get(0)).containsKeys("postgres", "grafana_url", "aws_endpoint", "vector");
        assertThat(TerraformContract.variables(tenant, documents)).isEmpty();
    }

    @Test
    void noOutputShadowsAnEngineKeyOrLeaksACredential() throws Exception {
        assertThat(TerraformContract.outputs(reader.read(LOCAL_ROOT), ENGINE_KEYS)).isEmpty();
        assertThat(TerraformContract.outputs(reader.read(TENANT_ROOT), ENGINE_KEYS)).isEmpty();
    }

    /** What makes terraform/local's copy of terraform/tenant's tenant variables safe (validations aside). */
    @Test
    void theStandInDeclaresWhatTheRealRootDeclares() throws Exception {
        assertThat(TerraformContract.standIn(reader.read(LOCAL_ROOT), reader.read(TENANT_ROOT), STAND_IN_ONLY_OUTPUTS))
                .isEmpty();
    }

    /** Each kind's Terraform mapping: what it is adopted from, what names it, what it reads. */
    @Test
    void everyKindsTerraformMappingHoldsAgainstBothRoots() throws Exception {
        assertThat(TerraformContract.kinds(reader.read(LOCAL_ROOT), TerraformRoot.PROVIDER_FREE, KINDS)).isEmpty();
        assertThat(TerraformContract.kinds(reader.read(TENANT_ROOT), TerraformRoot.PROVIDERS, KINDS)).isEmpty();
        assertThat(KINDS.createdBy(TerraformRoot.PROVIDERS)).as("the providers root creates kinds: the check bites")
                .isNotEmpty();
    }

    // ---- the checker fails, naming the mismatch, when one side drifts ----

    @Test
    void aRenamedVariableIsReportedOnBothSides() throws Exception {
        String variables = replaceOnce(read(LOCAL_ROOT, ModuleInterfaceReader.VARIABLES_FILE),
                "variable \"names\" {", "variable \"resource_names\" {");
        RootModuleInterface edited = reader.read(variables, read(LOCAL_ROOT, ModuleInterfaceReader.OUTPUTS_FILE));

        assertThat(TerraformContract.variables(edited, written(TenantModule.PROVIDER_FREE_DIR, ALL_SET)))
                .containsExactly(new Mismatch("variable names", "written by tenantctl but not declared"),
                        new Mismatch("variable resource_names", "required (no default) but not written by tenantctl"));
    }

    @Test
    void anExtraRequiredVariableIsReported() throws Exception {
        String variables = read(TENANT_ROOT, ModuleInterfaceReader.VARIABLES_FILE)
                + "\nvariable \"owner_email\" {\n  type = string\n}\n";
        RootModuleInterface edited = reader.read(variables, read(TENANT_ROOT, ModuleInterfaceReader.OUTPUTS_FILE));

        assertThat(TerraformContract.variables(edited, written(TenantModule.PROVIDERS_DIR, ALL_SET)))
                .containsExactly(new Mismatch("variable owner_email", "required (no default) but not written by tenantctl"));
    }

    @Test
    void aDriftedObjectAttributeOrTypeIsReported() throws Exception {
        String variables = replaceOnce(read(LOCAL_ROOT, ModuleInterfaceReader.VARIABLES_FILE),
                "    bucket              = string", "    bucket_name         = string");
        variables = replaceOnce(variables, "queries_per_minute  = number", "queries_per_minute  = string");
        RootModuleInterface edited = reader.read(variables, read(LOCAL_ROOT, ModuleInterfaceReader.OUTPUTS_FILE));

        assertThat(TerraformContract.variables(edited, written(TenantModule.PROVIDER_FREE_DIR, ALL_SET)))
                .containsExactly(
                        new Mismatch("variable names.bucket_name", "an attribute of the declared object, not written"),
                        new Mismatch("variable names.bucket",
                                "written, but not an attribute of the declared object (OpenTofu drops it)"),
                        new Mismatch("variable tier_config.queries_per_minute", "declared string, written Integer"));
    }

    @Test
    void aShadowingOrPlainCredentialOutputIsReported() throws Exception {
        String outputs = replaceOnce(read(TENANT_ROOT, ModuleInterfaceReader.OUTPUTS_FILE),
                "  value     = module.postgres.password\n  sensitive = true\n", "  value = module.postgres.password\n")
                + "\noutput \"workspace\" {\n  value = var.tenant_slug\n}\n";
        RootModuleInterface edited = reader.read(read(TENANT_ROOT, ModuleInterfaceReader.VARIABLES_FILE), outputs);

        assertThat(TerraformContract.outputs(edited, ENGINE_KEYS)).containsExactly(
                new Mismatch("output postgres_password", "names a credential but is not sensitive"),
                new Mismatch("output workspace", "becomes terraform.workspace, a key the engine sets itself"));
    }

    @Test
    void aStandInOutputTheRealRootRenamedIsReported() throws Exception {
        String outputs = replaceOnce(read(TENANT_ROOT, ModuleInterfaceReader.OUTPUTS_FILE),
                "output \"bucket_name\" {", "output \"bucket\" {");
        RootModuleInterface edited = reader.read(read(TENANT_ROOT, ModuleInterfaceReader.VARIABLES_FILE), outputs);

        assertThat(TerraformContract.standIn(reader.read(LOCAL_ROOT), edited, STAND_IN_ONLY_OUTPUTS))
                .containsExactly(new Mismatch("output bucket_name", "declared by the stand-in, not by the real root"));
    }

    @Test
    void anOutputAKindIsAdoptedFromRenamedOrMadePlainIsReportedForThatKind() throws Exception {
        String outputs = replaceOnce(read(TENANT_ROOT, ModuleInterfaceReader.OUTPUTS_FILE),
                "output \"postgres_password\" {", "output \"db_password\" {");
        outputs = replaceOnce(outputs, "  value     = module.object_store.secret_access_key\n  sensitive = true\n",
                "  value = module.object_store.secret_access_key\n");
        outputs = replaceOnce(outputs, "output \"grafana_dashboard_uid\" {", "output \"dashboard_uid\" {");
        RootModuleInterface edited = reader.read(read(TENANT_ROOT, ModuleInterfaceReader.VARIABLES_FILE), outputs);

        assertThat(TerraformContract.kinds(edited, TerraformRoot.PROVIDERS, KINDS)).containsExactly(
                new Mismatch("output postgres_password", "the postgres kind is adopted from it, but the root does not"
                        + " declare it"),
                new Mismatch("output secret_access_key", "the object-store kind takes it as a credential, but the root"
                        + " does not mark it sensitive"),
                new Mismatch("output grafana_dashboard_uid", "the monitoring kind is adopted from it, but the root"
                        + " does not declare it"),
                new Mismatch("output grafana_dashboard_uid", "names the resource of the monitoring kind (the engine"
                        + " compares it), not declared"));
    }

    @Test
    void aVariableAKindReadsThatTheRootNoLongerDeclaresIsReported() throws Exception {
        String variables = replaceOnce(read(TENANT_ROOT, ModuleInterfaceReader.VARIABLES_FILE),
                "variable \"grafana_url\" {", "variable \"grafana_endpoint\" {");
        variables = replaceOnce(variables, "    sql_identifier      = string", "    schema              = string");
        RootModuleInterface edited = reader.read(variables, read(TENANT_ROOT, ModuleInterfaceReader.OUTPUTS_FILE));

        assertThat(TerraformContract.kinds(edited, TerraformRoot.PROVIDERS, KINDS)).containsExactly(
                new Mismatch("variable names.sql_identifier", "read by the postgres kind, not an attribute of names"),
                new Mismatch("variable grafana_url", "read by the monitoring kind, not declared"));
    }

    @Test
    void aVariableDeclaredOutsideVariablesTfIsRefusedRatherThanMissed() throws Exception {
        Path root = Files.createDirectories(scratch.resolve("odd-root"));
        Files.writeString(root.resolve(ModuleInterfaceReader.VARIABLES_FILE), "");
        Files.writeString(root.resolve(ModuleInterfaceReader.OUTPUTS_FILE), "");
        Files.writeString(root.resolve("main.tf"), "variable \"hidden\" {\n  type = string\n}\n");

        assertThatThrownBy(() -> reader.read(root)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("main.tf declares a variable or output");
    }

    /**
     * Every tfvars document tenantctl writes for the root at {@code moduleDir} under these settings: one
     * per tier (provision) and the one a destroy derives from the slug alone.
     */
    private static List<Map<String, Object>> written(String moduleDir, Settings settings) {
        // every part composed: the contract holds for the root as a deployment with every provider gets it
        TenantModule module = TenantModule.fromSettings(settings, REPOSITORY, moduleDir,
                EnumSet.allOf(RootPart.class), ProviderMirror.none());
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            documents.add(module.variables(TestTenants.spec(SLUG, tier)).toTfvars());
        }
        documents.add(module.destroyVariables(SLUG).toTfvars());
        return documents;
    }

    private static String read(Path root, String file) throws Exception {
        return ModuleInterfaceReader.declarations(root, file);
    }

    /** Fails when the HCL no longer has {@code from} exactly once: an edit that missed proves nothing. */
    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("'" + from + "' in the HCL").isNotNegative();
        assertThat(text.indexOf(from, at + 1)).as("a second '" + from + "' in the HCL").isNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }
}
