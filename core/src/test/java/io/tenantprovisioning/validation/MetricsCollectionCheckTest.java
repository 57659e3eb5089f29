package io.tenantprovisioning.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.monitoring.MonitoringDriver;
import io.tenantprovisioning.resource.monitoring.PrometheusTargets;
import io.tenantprovisioning.resource.monitoring.PrometheusTargets.ScrapeTarget;
import io.tenantprovisioning.resource.objectstore.TenantSpecs;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.KindPhases;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check 7 against the real local Prometheus, which really scrapes a real metrics endpoint. */
class MetricsCollectionCheckTest {

    /** Generous: file_sd refresh (5 s) plus one scrape interval (5 s) on a busy machine. */
    private static final Duration DISCOVERY = Duration.ofSeconds(30);

    private final Settings settings = TestServices.settings();
    private final Slug slug = TestServices.uniqueSlug("mx");
    private final Path fileSdDir = Path.of(settings.string(Setting.PROMETHEUS_FILE_SD_DIR));
    private HttpServer metrics;
    private MonitoringDriver driver;

    @TempDir
    Path dashboards;

    @BeforeEach
    void startMetricsEndpoint() throws Exception {
        metrics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        metrics.createContext("/metrics", exchange -> {
            byte[] body = ("# HELP rag_queries_total RAG queries answered.\n# TYPE rag_queries_total counter\n"
                    + "rag_queries_total{tenant_id=\"" + slug + "\"} 3\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        metrics.start();
        driver = new MonitoringDriver(fileSdDir, dashboards, "127.0.0.1:" + metrics.getAddress().getPort(),
                Optional.empty(), TestServices.MARKER);
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            driver.destroy(slug);
        } finally {
            metrics.stop(0);
        }
    }

    private TenantAccess tenant() {
        return TenantSpecs.access(slug);
    }

    @Test
    void checkSevenIsNonCriticalWithTwentySeconds() {
        MetricsCollectionCheck check = MetricsCollectionCheck.fromSettings(settings);
        assertThat(check.id()).isEqualTo("metrics-collection");
        assertThat(check.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(check.critical()).isFalse();
    }

    @Test
    void prometheusReportsTheTenantsTargetUpThenTheCheckFailsOnceTheFileIsGone() throws Exception {
        KindPhases.createAndConfigure(driver, TenantSpecs.spec(slug));
        PrometheusTargets prometheus = PrometheusTargets.fromSettings(settings).orElseThrow();
        MetricsCollectionCheck check = new MetricsCollectionCheck(fileSdDir, Optional.of(prometheus), DISCOVERY);

        CheckOutcome healthy = check.run(tenant());

        assertThat(healthy).as(healthy.message()).isInstanceOf(CheckOutcome.Passed.class);
        assertThat(healthy.message()).contains("127.0.0.1:" + metrics.getAddress().getPort(), slug.value());
        // the check no longer waits for the first scrape (it asks the target itself): wait for it here
        ScrapeTarget target = scraped(prometheus);
        assertThat(target.labels()).containsEntry("tenant_id", slug.value()).containsEntry("tier", "Gold")
                .containsEntry("cost_center", slug.defaultCostCenter()).containsEntry("managed_by", "tenantctl");
        assertThat(target.health()).isEqualTo("up");

        Files.delete(fileSdDir.resolve(MonitoringDriver.fileName(slug)));
        CheckOutcome gone = check.run(tenant());

        assertThat(gone).isInstanceOf(CheckOutcome.Warning.class);
        assertThat(gone.message()).startsWith("no Prometheus target file");
    }

    private ScrapeTarget scraped(PrometheusTargets prometheus) throws Exception {
        long deadline = System.nanoTime() + DISCOVERY.toNanos();
        Optional<ScrapeTarget> found = prometheus.forTenant(slug.value());
        while (!found.map(t -> "up".equals(t.health())).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            found = prometheus.forTenant(slug.value());
        }
        return found.orElseThrow();
    }

    @Test
    void aWatchedTargetThatAnswersNeedsNoScrapeButOneThatDoesNotIsNeverPassedDirectly() throws Exception {
        KindPhases.createAndConfigure(driver, TenantSpecs.spec(slug));
        PrometheusTargets prometheus = PrometheusTargets.fromSettings(settings).orElseThrow();
        assertThat(prometheus.fileSdGlobs()).as("the watched globs of the loaded configuration")
                .anyMatch(glob -> glob.startsWith(fileSdDir.toString()));
        MetricsCollectionCheck check = new MetricsCollectionCheck(fileSdDir, Optional.of(prometheus), DISCOVERY);

        long start = System.nanoTime();
        CheckOutcome direct = check.run(tenant());
        assertThat(direct).as(direct.message()).isInstanceOf(CheckOutcome.Passed.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait for discovery or a scrape")
                .isLessThan(Duration.ofSeconds(3));

        metrics.stop(0);
        Slug dead = TestServices.uniqueSlug("mxd");
        MonitoringDriver refusing = new MonitoringDriver(fileSdDir, dashboards, "127.0.0.1:1", Optional.empty(),
                TestServices.MARKER);
        try {
            KindPhases.createAndConfigure(refusing, TenantSpecs.spec(dead));
            CheckOutcome down = new MetricsCollectionCheck(fileSdDir, Optional.of(prometheus), Duration.ofSeconds(2))
                    .run(TenantSpecs.access(dead));
            assertThat(down).as(down.message()).isInstanceOf(CheckOutcome.Warning.class);
        } finally {
            refusing.destroy(dead);
        }
    }

    @Test
    void aTargetFileOutsideTheWatchedFolderIsReportedAsNotCollected(@TempDir Path unwatched) throws Exception {
        MonitoringDriver elsewhere = new MonitoringDriver(unwatched, dashboards, "127.0.0.1:1", Optional.empty(), TestServices.MARKER);
        KindPhases.createAndConfigure(elsewhere, TenantSpecs.spec(slug));
        MetricsCollectionCheck check = new MetricsCollectionCheck(unwatched,
                Optional.of(new PrometheusTargets(URI.create(settings.string(Setting.PROMETHEUS_URL)))),
                Duration.ofSeconds(2));

        CheckOutcome outcome = check.run(tenant());

        assertThat(outcome).isInstanceOf(CheckOutcome.Warning.class);
        assertThat(outcome.message()).contains("reports no active target with tenant_id=\"" + slug + "\"");
    }

    @Test
    void withoutPrometheusTheFileAndItsLabelDecide(@TempDir Path targets) throws Exception {
        MonitoringDriver local = new MonitoringDriver(targets, dashboards, "127.0.0.1:9400", Optional.empty(), TestServices.MARKER);
        KindPhases.createAndConfigure(local, TenantSpecs.spec(slug));
        MetricsCollectionCheck check = new MetricsCollectionCheck(targets, Optional.empty(), DISCOVERY);

        assertThat(check.run(tenant())).isInstanceOf(CheckOutcome.Passed.class);

        Path file = targets.resolve(MonitoringDriver.fileName(slug));
        Files.writeString(file, Files.readString(file).replace("\"tenant_id\"", "\"tenant\""));
        CheckOutcome unlabelled = check.run(tenant());
        assertThat(unlabelled).isInstanceOf(CheckOutcome.Warning.class);
        assertThat(unlabelled.message()).contains("lacks a target or the label tenant_id");
    }
}
