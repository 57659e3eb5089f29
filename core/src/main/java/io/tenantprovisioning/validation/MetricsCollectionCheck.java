package io.tenantprovisioning.validation;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.monitoring.MonitoringDriver;
import io.tenantprovisioning.resource.monitoring.PrometheusTargetFile;
import io.tenantprovisioning.resource.monitoring.PrometheusTargets;
import io.tenantprovisioning.resource.monitoring.PrometheusTargets.ScrapeTarget;
import io.tenantprovisioning.resource.monitoring.TenantLabels;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Check 7: the tenant's file_sd target file exists and carries its {@code tenant_id}; when
 * PROMETHEUS_URL is set, Prometheus reports an active target with that label, and its health, or, before
 * Prometheus has got to it, the file is in a folder Prometheus watches and the target answers a scrape
 * request directly (no waiting for a scrape). Non-critical.
 */
public final class MetricsCollectionCheck implements ValidationCheck {

    public static final String ID = "metrics-collection";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Prometheus re-reads file_sd within its refresh interval (5 s locally) and scrapes within one more interval. */
    private static final Duration DEFAULT_DISCOVERY_WAIT = Duration.ofSeconds(15);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final Path fileSdDir;
    private final Optional<PrometheusTargets> prometheus;
    private final Duration discoveryWait;

    /**
     * @param discoveryWait how long to wait for Prometheus to discover and first scrape the target; keep
     *                      it below the check's 20 s timeout
     */
    public MetricsCollectionCheck(Path fileSdDir, Optional<PrometheusTargets> prometheus, Duration discoveryWait) {
        this.fileSdDir = fileSdDir;
        this.prometheus = prometheus;
        this.discoveryWait = discoveryWait;
    }

    public static MetricsCollectionCheck fromSettings(Settings settings) {
        return new MetricsCollectionCheck(settings.dir(Setting.PROMETHEUS_FILE_SD_DIR, "prometheus-targets"),
                PrometheusTargets.fromSettings(settings), DEFAULT_DISCOVERY_WAIT);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Metrics collection";
    }

    @Override
    public Duration timeout() {
        return TIMEOUT;
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public CheckOutcome run(TenantAccess tenant) throws IOException, InterruptedException {
        String slug = tenant.slug().value();
        Path file = fileSdDir.resolve(MonitoringDriver.fileName(tenant.slug()));
        Optional<PrometheusTargetFile> read;
        try {
            read = PrometheusTargetFile.read(file);
        } catch (IOException unreadable) {
            return new CheckOutcome.Warning("Prometheus cannot use the tenant's target file: " + unreadable.getMessage(),
                    null);
        }
        if (read.isEmpty()) {
            return new CheckOutcome.Warning("no Prometheus target file " + file + ": the tenant's metrics are not"
                    + " collected; re-create its monitoring resource", null);
        }
        PrometheusTargetFile target = read.get();
        if (!slug.equals(target.labels().get(TenantLabels.TENANT_ID)) || target.targets().isEmpty()) {
            return new CheckOutcome.Warning("target file " + file + " lacks a target or the label "
                    + TenantLabels.TENANT_ID + "=\"" + slug + "\"; its series could not be told apart", null);
        }
        if (prometheus.isEmpty()) {
            return new CheckOutcome.Passed("target file " + file + " lists " + String.join(", ", target.targets())
                    + " with " + TenantLabels.TENANT_ID + "=\"" + slug + "\" (PROMETHEUS_URL not set: Prometheus not asked)",
                    null);
        }
        return askPrometheus(prometheus.get(), slug, file, target);
    }

    private CheckOutcome askPrometheus(PrometheusTargets api, String slug, Path file, PrometheusTargetFile target)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + discoveryWait.toNanos();
        Optional<ScrapeTarget> found = api.forTenant(slug);
        if (found.map(t -> "unknown".equals(t.health())).orElse(true)) {
            Optional<CheckOutcome> direct = checkDirectly(api, slug, file, target);
            if (direct.isPresent()) {
                return direct.get();
            }
        }
        while (found.map(t -> "unknown".equals(t.health())).orElse(true) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_INTERVAL.toMillis());
            found = api.forTenant(slug);
        }
        String label = TenantLabels.TENANT_ID + "=\"" + slug + "\"";
        if (found.isEmpty()) {
            return new CheckOutcome.Warning("Prometheus at " + api.baseUrl() + " reports no active target with " + label
                    + " after " + discoveryWait.toSeconds() + " s; is PROMETHEUS_FILE_SD_DIR (" + fileSdDir
                    + ") the folder its file_sd_configs watch?", null);
        }
        ScrapeTarget t = found.get();
        return verdict(t, label);
    }

    /**
     * Instead of waiting up to two intervals for discovery and a first scrape: when the file lies where
     * Prometheus' loaded configuration watches and every target answers its scrape request now, the
     * target is collected at Prometheus' next refresh. Empty when either cannot be shown.
     */
    private Optional<CheckOutcome> checkDirectly(PrometheusTargets api, String slug, Path file,
                                                 PrometheusTargetFile target) throws IOException, InterruptedException {
        Path absolute = file.toAbsolutePath().normalize();
        Path real = file.toRealPath();
        boolean watched = false;
        for (String glob : api.fileSdGlobs()) {
            var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            watched |= matcher.matches(absolute) || matcher.matches(real);
        }
        if (!watched) {
            return Optional.empty();
        }
        for (String address : target.targets()) {
            if (!api.answersDirectly(address)) {
                return Optional.empty();
            }
        }
        return Optional.of(new CheckOutcome.Passed("Prometheus at " + api.baseUrl() + " watches " + file + ", which lists "
                + String.join(", ", target.targets()) + " with " + TenantLabels.TENANT_ID + "=\"" + slug
                + "\"; the target answers its scrape request now (not yet scraped: discovered at the next refresh)",
                "health up (direct)"));
    }

    private static CheckOutcome verdict(ScrapeTarget t, String label) {
        switch (t.health()) {
            case "up":
                return new CheckOutcome.Passed("Prometheus scrapes " + t.scrapeUrl() + " with " + label, "health up");
            case "down":
                return new CheckOutcome.Warning("Prometheus scrapes " + t.scrapeUrl() + " with " + label
                        + " but it is down: " + t.lastError(), "health down");
            default:
                return new CheckOutcome.Warning("Prometheus discovered " + t.scrapeUrl() + " with " + label
                        + " but has not scraped it yet", "health " + t.health());
        }
    }
}
