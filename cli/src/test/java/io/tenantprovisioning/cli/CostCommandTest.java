package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.request.RegionCatalog;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.RequestValidator;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.tier.TierCatalog;
import io.tenantprovisioning.registry.Lifecycle;
import io.tenantprovisioning.plan.TenantPlan;
import io.tenantprovisioning.plan.TenantPlanner;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.application.TenantSubmission;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * tenantctl cost against the shared registry. The test tenants run through ACTIVE and are offboarded
 * at once (they never own resources, so nothing is left to clean up), which still makes them billable
 * this month; a cost center of their own keeps other people's tenants out of the sums checked here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CostCommandTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Settings settings;
    private final String costCenter = "CLITEST_" + random(8).toUpperCase(Locale.ROOT);
    private final Map<Slug, TenantPlan> tenants = new LinkedHashMap<>();
    private final String awkwardName = "Cost <b>\"CLI\", & co " + random(8);
    private String month;

    @BeforeAll
    void billableTenants() {
        settings = SettingsLoader.load(Map.of());
        try (Registry registry = Registry.open(settings)) {
            for (String[] t : List.of(new String[] {awkwardName, "gold", "eu-west-1"},
                    new String[] {"Cost cli " + random(8), "silver", "ap-south-1"})) {
                RequestDraft draft = new RequestDraft(t[0], t[1], t[2], "900000", "owner@example.com", "INTERNAL",
                        "NONE", false, costCenter, null);
                TenantPlan plan = TenantPlanner.from(settings, TierCatalog.load()).plan(
                        new RequestValidator(RegionCatalog.load()).validate(draft), UUID.randomUUID().toString());
                new TenantSubmission(registry).submit(plan, "cost-cli-test@example.com");
                Slug slug = plan.request().slug();
                tenants.put(slug, plan);
                runThroughService(new Lifecycle(registry), slug);
            }
            List<AuditRecord> trail = registry.audit().forTenant(tenants.keySet().iterator().next().value());
            month = YearMonth.from(trail.get(trail.size() - 1).at().atZone(ZoneOffset.UTC)).toString();
        }
    }

    @Test
    void jsonCarriesEveryTenantWithItsFiguresTagsAndTheTotals() throws Exception {
        CliRun run = CliRun.of("cost", "--month", month, "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.path("month").asText()).isEqualTo(month);
        assertThat(root.path("currency").asText()).isEqualTo("INR");
        long sum = 0;
        List<String> ours = new ArrayList<>();
        for (JsonNode tenant : root.path("tenants")) {
            sum += tenant.path("monthlyInr").asLong();
            if (tenant.path("costCenter").asText().equals(costCenter)) {
                TenantPlan plan = tenants.get(Slug.of(tenant.path("slug").asText()));
                assertThat(tenant.path("name").asText()).isEqualTo(plan.request().name());
                assertThat(tenant.path("monthlyInr").asLong()).isEqualTo(plan.cost().monthlyInr());
                assertThat(tenant.path("state").asText()).isEqualTo("OFFBOARDED");
                assertThat(tenant.path("tags").path("TenantID").asText()).isEqualTo(plan.tags().tenantId());
                assertThat(tenant.path("tags").path("RequestId").asText()).isEqualTo(plan.requestId());
                assertThat(tenant.path("tags").path("ManagedBy").asText()).isEqualTo("tenantctl");
                ours.add(tenant.path("slug").asText());
            }
        }
        assertThat(ours).containsExactlyInAnyOrderElementsOf(tenants.keySet().stream().map(Slug::value).toList());
        assertThat(sum).isEqualTo(root.path("totalMonthlyInr").asLong());
        JsonNode center = null;
        for (JsonNode c : root.path("costCenters")) {
            center = c.path("costCenter").asText().equals(costCenter) ? c : center;
        }
        assertThat(center).isNotNull();
        assertThat(center.path("tenants").asInt()).isEqualTo(2);
        assertThat(center.path("monthlyInr").asLong())
                .isEqualTo(tenants.values().stream().mapToLong(p -> p.cost().monthlyInr()).sum());
        String password = settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD).reveal();
        assertThat(run.out() + run.err()).doesNotContain(password);
    }

    @Test
    void csvTableAndHtmlFormats(@TempDir Path dir) throws Exception {
        CliRun csv = CliRun.of("cost", "--month", month, "--csv");
        assertThat(csv.exitCode()).as(csv.err()).isEqualTo(ExitCode.OK);
        assertThat(csv.out()).startsWith("month,cost_center,slug,name,").contains("\r\n")
                .contains("\"" + awkwardName.replace("\"", "\"\"") + "\"");

        Path page = dir.resolve("cost.html");
        CliRun text = CliRun.of("cost", "--month", month, "--html", page.toString());
        assertThat(text.exitCode()).as(text.err()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).startsWith("Cost report for " + month + " (UTC)").contains(costCenter + " — 2 tenants")
                .contains("HTML report written to " + page);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).contains(awkwardName.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;")).doesNotContain("<b>");

        CliRun current = CliRun.of("cost");
        assertThat(current.exitCode()).as(current.err()).isEqualTo(ExitCode.OK);
        assertThat(current.out()).startsWith("Cost report for " + YearMonth.now(ZoneOffset.UTC) + " (UTC)");

        CliRun longAgo = CliRun.of("cost", "--month", "1990-01", "--json");
        assertThat(JSON.readTree(longAgo.out()).path("tenants")).isEmpty();
    }

    @Test
    void badOptionsExitTwoWithAClearMessage(@TempDir Path dir) throws Exception {
        for (String bad : List.of("2025-13", "march", "2025-3", "25-03")) {
            CliRun run = CliRun.of("cost", "--month", bad);
            assertThat(run.exitCode()).as(bad).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(run.err()).contains("--month").contains("'" + bad + "' is not a month; use YYYY-MM");
        }
        CliRun both = CliRun.of("cost", "--json", "--csv");
        assertThat(both.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(JSON.readTree(both.out()).path("error").asText()).contains("--json and --csv");

        CliRun bothText = CliRun.of("cost", "--csv", "--json", "--month", month);
        assertThat(bothText.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);

        CliRun noDir = CliRun.of("cost", "--html", dir.resolve("missing/cost.html").toString());
        assertThat(noDir.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(noDir.err()).contains("does not exist");
        assertThat(noDir.out()).isEmpty();
    }

    private static void runThroughService(Lifecycle lifecycle, Slug slug) {
        TenantState[] path = {TenantState.APPROVED, TenantState.PROVISIONING, TenantState.CONFIGURING,
                TenantState.VALIDATING, TenantState.ACTIVE, TenantState.OFFBOARDING, TenantState.OFFBOARDED};
        for (int i = 1; i < path.length; i++) {
            lifecycle.transition(slug, path[i - 1], path[i], "cost-cli-test", "test tenant, no resources");
        }
    }

    private static String random(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(RANDOM.nextInt(36)));
        }
        return sb.toString();
    }
}
