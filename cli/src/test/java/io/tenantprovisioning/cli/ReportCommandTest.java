package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.application.PipelineHook;
import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.chargeback.Rupees;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.ValidationRunRecord;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.redis.RedisEndpoint;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import io.tenantprovisioning.resource.redis.TenantAcl;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * `tenantctl report` against the real local services, on three tenants this test makes the real way:
 * one ACTIVE and re-validated, one DEGRADED by a re-validation that found drift (a Redis tag changed
 * behind the platform's back), one ROLLED_BACK because its validation failed. The report's figures are
 * checked against `list --json`, `cost --json` and the recorded runs; its HTML page is loaded in a real
 * headless Chromium. Other checkouts' tests share the registry, so fleet-wide counts are checked as
 * bounds when tenants come and go meanwhile, and exactly when nothing moved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCommandTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINISHED = Set.of("REJECTED", "ROLLED_BACK", "OFFBOARDED");
    private static final Set<String> OFFBOARDABLE = Set.of("ACTIVE", "DEGRADED", "OFFBOARDING");
    /** The column fill of the SVG chart: pixels of it in a screenshot mean the chart was painted. */
    private static final int CHART_FILL = 0x0969da;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final String costCenter = "CC_FLEET_" + random(8).toUpperCase(Locale.ROOT);
    private Settings settings;
    private TenantPlatform platform;
    private Registry registry;
    private Slug healthy;
    private Slug degraded;
    private Slug rolledBack;

    /** One report run: its JSON on stdout and its page, from the same model. */
    private JsonNode fleet;
    private Path page;
    private Set<String> liveBefore;
    private JsonNode listAfter;

    @BeforeAll
    void provisionThreeTenantsAndReport(@TempDir Path dir) throws Exception {
        // the same settings as the commands (same DATA_DIR); a lax latency SLA: the p95 is not tested here
        settings = SettingsLoader.load(Map.of()).with(Map.of(Setting.QUERY_PERFORMANCE_SLA_MS, "20000"));
        platform = TenantPlatform.open(settings, (step, message) -> log.add(step + ": " + message));
        registry = platform.services().registry();
        healthy = provision("fleet-ok", PipelineHook.NONE, PipelineOutcome.Activated.class);
        degraded = provision("fleet-dg", PipelineHook.NONE, PipelineOutcome.Activated.class);
        rolledBack = provision("fleet-rb", platform.widenRedisAclOnPurpose(ProgressListener.silent()),
                PipelineOutcome.RolledBack.class);
        changeRedisTierTag(degraded, "Platinum");
        CliRun revalidated = CliRun.of("revalidate", healthy.value(), degraded.value(), "--parallel", "2");
        assertThat(revalidated.exitCode()).as(revalidated.out() + revalidated.err()).isEqualTo(ExitCode.DEGRADED);

        page = dir.resolve("new-folder/fleet.html"); // the folder is created
        liveBefore = liveIds(list());
        CliRun report = CliRun.of("report", "--json", "--html", page.toString());
        listAfter = list();
        assertThat(report.exitCode()).as(report.err()).isEqualTo(ExitCode.OK);
        fleet = JSON.readTree(report.out());
    }

    @AfterAll
    void offboardAndClose() {
        if (platform == null) {
            return;
        }
        for (Slug slug : new Slug[] {healthy, degraded}) {
            if (slug != null && OFFBOARDABLE.contains(registry.tenants().require(slug).state().name())) {
                platform.offboard(slug, ProgressListener.silent());
            }
        }
        platform.close();
    }

    @Test
    void everyTenantsFiguresAreThoseOfListJsonAndTheFleetIsTheLiveOne() {
        Map<String, JsonNode> listed = byTenantId(listAfter);
        Set<String> reported = new HashSet<>();
        for (JsonNode tenant : fleet.path("tenants")) {
            JsonNode same = listed.get(tenant.path("tenantId").asText());
            assertThat(same).as("every reported tenant is in list --json: " + tenant).isNotNull();
            for (String field : List.of("slug", "name", "tier", "region", "monthlyCostInr")) {
                assertThat(tenant.path(field)).as(field + " of " + tenant.path("slug")).isEqualTo(same.path(field));
            }
            assertThat(FINISHED).as("the live fleet only").doesNotContain(tenant.path("state").asText());
            reported.add(tenant.path("tenantId").asText());
        }
        Set<String> liveAfter = liveIds(listAfter);
        Set<String> liveThroughout = new HashSet<>(liveBefore);
        liveThroughout.retainAll(liveAfter);
        // a tenant live before and after the report was live while it ran (finished states are terminal)
        assertThat(reported).containsAll(liveThroughout);
        assertThat(fleet.path("tenantCount").asInt()).isEqualTo(reported.size());
        if (liveBefore.equals(liveAfter)) {
            assertThat(reported).as("nothing moved meanwhile, so exactly the live tenants").isEqualTo(liveAfter);
        }
        assertThat(reported).doesNotContain(id(rolledBack));
    }

    @Test
    void validationTrendDriftAndCredentialsAreThoseRecorded() {
        JsonNode ok = reported(fleet, healthy);
        assertThat(ok.path("state").asText()).isEqualTo("ACTIVE");
        assertRunsAreTheRecordedOnes(ok, healthy);
        assertThat(ok.path("trend").findValuesAsText("passed")).containsExactly("true", "true");
        assertThat(ok.path("lastValidation").path("checksTotal").asInt()).as("8 checks + resource drift + credential age")
                .isEqualTo(10);
        assertThat(ok.path("drift").path("status").asText()).isEqualTo("NONE");
        assertThat(ok.path("drift").path("checkedAt").asText())
                .isEqualTo(ok.path("lastValidation").path("finishedAt").asText());
        assertThat(ok.path("credentials").findValuesAsText("name"))
                .containsExactlyInAnyOrderElementsOf(platform.services().vault().all(healthy).keySet());
        assertThat(ok.path("credentials").findValuesAsText("ageDays")).containsOnly("0");

        JsonNode dg = reported(fleet, degraded);
        assertThat(dg.path("state").asText()).isEqualTo("DEGRADED");
        assertRunsAreTheRecordedOnes(dg, degraded);
        assertThat(dg.path("trend").findValuesAsText("passed")).containsExactly("true", "false");
        assertThat(dg.path("drift").path("status").asText()).isEqualTo("DRIFTED");
        assertThat(dg.path("drift").path("findings").toString()).contains("redis", "TAG_CHANGED", "Platinum");

        CliRun all = CliRun.of("report", "--all", "--json");
        assertThat(all.exitCode()).as(all.err()).isEqualTo(ExitCode.OK);
        JsonNode rb = reported(json(all.out()), rolledBack);
        assertThat(rb.path("state").asText()).isEqualTo("ROLLED_BACK");
        assertThat(rb.path("trend").findValuesAsText("passed")).as("its failed validation").containsExactly("false");
        assertThat(rb.path("credentials")).isEmpty();
        assertThat(rb.path("drift").path("status").asText()).isEqualTo("NOT_CHECKED");
    }

    @Test
    void costPerCostCenterIsTheChargebackOfCostJson() {
        JsonNode ours = costCenter(fleet.path("chargeback").path("costCenters"));
        assertThat(ours.path("tenants").asInt()).as("ACTIVE and DEGRADED are billed; ROLLED_BACK is not")
                .isEqualTo(2);
        assertThat(ours.path("monthlyInr").asLong()).isEqualTo(reported(fleet, healthy).path("monthlyCostInr")
                .asLong() + reported(fleet, degraded).path("monthlyCostInr").asLong());
        CliRun cost = CliRun.of("cost", "--json");
        JsonNode chargeback = json(cost.out());
        assertThat(chargeback.path("month").asText()).isEqualTo(fleet.path("chargeback").path("month").asText());
        assertThat(costCenter(chargeback.path("costCenters"))).isEqualTo(ours);
    }

    @Test
    void theTerminalTableAndNoSecretAnywhere() throws Exception {
        CliRun text = CliRun.of("report");

        assertThat(text.exitCode()).as(text.err()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).startsWith("Fleet at ").contains("Cost per cost center, chargeback of")
                .containsPattern(healthy.value() + " +ACTIVE +Bronze +us-east-1 +"
                        + Pattern.quote(Rupees.format(reported(fleet, healthy).path("monthlyCostInr").asLong()))
                        + " +" + costCenter + " +\\S+ \\S+ PASS 10/10 +✓✓ ")
                .containsPattern(degraded.value() + " +DEGRADED .* FAIL \\d/10 +✓✗ .* 1 finding");
        String everything = text.out() + text.err() + fleet + Files.readString(page, StandardCharsets.UTF_8);
        for (Slug slug : List.of(healthy, degraded)) {
            for (Map.Entry<String, Secret> secret : platform.services().vault().all(slug).entrySet()) {
                assertThat(everything).as(secret.getKey()).doesNotContain(secret.getValue().reveal());
            }
        }
        assertThat(everything).doesNotContain(settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD).reveal());
    }

    @Test
    void badOptionsExitTwoBeforeReadingAnything(@TempDir Path dir) {
        CliRun trend = CliRun.of("report", "--trend", "0");
        assertThat(trend.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(trend.err()).contains("1-50");
        CliRun folder = CliRun.of("report", "--html", dir.toString(), "--json");
        assertThat(folder.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(json(folder.out()).path("error").asText()).contains("is a directory");
        assertThat(CliRun.of("report", "--help").out()).contains("tenantctl report --html reports/fleet.html");
        CliRun noPage = CliRun.of("report", "--stylesheet-beside");
        assertThat(noPage.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(noPage.err()).contains("--stylesheet-beside needs --html FILE");
    }

    /** As the nightly Jenkins job writes it: the page links its stylesheet, written beside it; no inline style. */
    @Test
    void theStylesheetCanBeWrittenBesideThePage(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("out/fleet.html");

        CliRun run = CliRun.of("report", "--html", page.toString(), "--stylesheet-beside");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        String html = Files.readString(page);
        assertThat(html).contains("<link rel=\"stylesheet\" href=\"tenant-report.css\"/>").doesNotContain("<style");
        assertThat(java.util.regex.Pattern.compile("\\sstyle\\s*=").matcher(html).find()).isFalse();
        assertThat(dir.resolve("out/tenant-report.css")).content().contains(".bar.w100{width:100%}");
    }

    /**
     * The page as a real browser sees it: Chromium's DOM holds one row per reported tenant with the
     * monthly cost `list --json` gives, and the SVG chart; its screenshot shows the chart was painted.
     */
    @Test
    void thePageRendersInHeadlessChromiumWithTheNumbersOfListJson(@TempDir Path work) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require(work);

        long start = System.nanoTime();
        String dom = chromium.dumpDom(page);
        long domMillis = (System.nanoTime() - start) / 1_000_000;

        String tenants = between(dom, "<h2>Tenants</h2>", "</table>");
        String body = tenants.substring(tenants.indexOf("<tbody>"));
        assertThat(count(body, "<tr")).as("one row per tenant").isEqualTo(fleet.path("tenantCount").asInt());
        assertThat(dom).contains("<p>" + fleet.path("tenantCount").asInt() + " tenant");
        Map<String, JsonNode> listed = byTenantId(listAfter);
        for (JsonNode tenant : fleet.path("tenants")) {
            String slug = tenant.path("slug").asText();
            String row = rowOf(body, "<code>" + slug + "</code>");
            long monthly = listed.get(tenant.path("tenantId").asText()).path("monthlyCostInr").asLong();
            assertThat(row).as(slug).contains("<td class=\"num\">" + Rupees.format(monthly) + "</td>");
        }
        assertThat(rowOf(body, "<code>" + degraded + "</code>")).contains("<span class=\"mark FAILED\"",
                ">✗</span>", "1 finding");
        JsonNode chargeback = fleet.path("chargeback");
        String svg = between(dom, "<svg", "</svg>");
        assertThat(svg).contains("xmlns=\"http://www.w3.org/2000/svg\"");
        assertThat(count(svg, "<rect")).as("one column per cost center, the smallest sharing the last")
                .isEqualTo(Math.min(chargeback.path("costCenters").size(), FleetPage.CHART_COLUMNS));
        long charted = 0;
        Matcher column = Pattern.compile("<g class=\"column\"><title>[^<]*: ₹([0-9,]+)</title>").matcher(svg);
        while (column.find()) {
            charted += Long.parseLong(column.group(1).replace(",", ""));
        }
        assertThat(charted).as("the columns add up to the month's chargeback")
                .isEqualTo(chargeback.path("totalMonthlyInr").asLong());
        assertThat(rowOf(between(dom, "<h2>Cost per cost center", "</table>"), "<code>" + costCenter + "</code>"))
                .contains("<td class=\"num\">2</td>", Rupees.format(costCenter(chargeback.path("costCenters"))
                        .path("monthlyInr").asLong()));

        start = System.nanoTime();
        BufferedImage shot = chromium.screenshot(page, 1400, 900);
        long shotMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(pixels(shot, CHART_FILL)).as("the SVG columns were painted").isGreaterThan(200);
        System.out.printf("headless Chromium: dump-dom %d ms, screenshot %d ms%n", domMillis, shotMillis);
    }

    private void assertRunsAreTheRecordedOnes(JsonNode tenant, Slug slug) {
        List<ValidationRunRecord> runs = registry.validationRuns().recent(List.of(registry.tenants().require(slug)
                .id()), 10).get(registry.tenants().require(slug).id());
        List<String> recorded = new ArrayList<>();
        for (int i = runs.size() - 1; i >= 0; i--) {
            recorded.add(runs.get(i).finishedAt() + "/" + runs.get(i).passed());
        }
        List<String> shown = new ArrayList<>();
        for (JsonNode run : tenant.path("trend")) {
            shown.add(java.time.Instant.parse(run.path("finishedAt").asText()) + "/" + run.path("passed").asBoolean());
        }
        assertThat(shown).isEqualTo(recorded);
    }

    private Slug provision(String prefix, PipelineHook hook, Class<? extends PipelineOutcome> expected) {
        Slug slug = Slug.of(prefix + "-" + random(8));
        RequestDraft draft = new RequestDraft(slug.value(), "bronze", "us-east-1", "500000", "owner@fleet.example",
                "INTERNAL", "NONE", false, costCenter, null);
        PipelineOutcome outcome = platform.job(hook).run(draft, "report-test", EngineKind.DIRECT,
                (step, message) -> log.add(step + ": " + message));
        assertThat(outcome).as(String.join("\n", log)).isInstanceOf(expected);
        return slug;
    }

    /** Drift behind the platform's back: the tenant's Redis namespace now claims another tier. */
    private void changeRedisTierTag(Slug slug, String tier) {
        try (Jedis admin = RedisEndpoint.fromSettings(settings).connect(null,
                settings.requiredSecret(Setting.REDIS_PASSWORD))) {
            admin.hset(TenantAcl.metaKey(slug), RedisNamespaceDriver.TAG_FIELD_PREFIX + "Tier", tier);
        }
    }

    private static JsonNode list() {
        CliRun run = CliRun.of("list", "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        return json(run.out());
    }

    private static Set<String> liveIds(JsonNode list) {
        Set<String> ids = new HashSet<>();
        list.forEach(t -> {
            if (!FINISHED.contains(t.path("state").asText())) {
                ids.add(t.path("tenantId").asText());
            }
        });
        return ids;
    }

    private static Map<String, JsonNode> byTenantId(JsonNode list) {
        Map<String, JsonNode> byId = new HashMap<>();
        list.forEach(t -> byId.put(t.path("tenantId").asText(), t));
        return byId;
    }

    private String id(Slug slug) {
        return registry.tenants().require(slug).id().toString();
    }

    private static JsonNode reported(JsonNode report, Slug slug) {
        JsonNode found = null;
        for (JsonNode tenant : report.path("tenants")) {
            found = tenant.path("slug").asText().equals(slug.value()) ? tenant : found;
        }
        assertThat(found).as(slug + " in the report").isNotNull();
        return found;
    }

    private JsonNode costCenter(JsonNode centers) {
        for (JsonNode center : centers) {
            if (center.path("costCenter").asText().equals(costCenter)) {
                return center;
            }
        }
        throw new AssertionError("no cost center " + costCenter + " in " + centers);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as("'" + from + "' in the page").isNotNegative();
        int end = text.indexOf(to, start);
        assertThat(end).as("'" + to + "' after '" + from + "'").isPositive();
        return text.substring(start, end + to.length());
    }

    /** The table row ({@code <tr …>…</tr>}) that holds the marker. */
    private static String rowOf(String table, String marker) {
        int at = table.indexOf(marker);
        assertThat(at).as(marker + " in the tenants table").isNotNegative();
        return table.substring(table.lastIndexOf("<tr", at), table.indexOf("</tr>", at));
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    private static String random(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(RANDOM.nextInt(36)));
        }
        return sb.toString();
    }
}
