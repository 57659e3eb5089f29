package io.tenantprovisioning.resource.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a Prometheus server scrapes, from its HTTP API ({@code GET /api/v1/targets?state=active}). */
public final class PrometheusTargets {

    /** One active scrape target as Prometheus reports it; {@code health} is up, down or unknown. */
    public record ScrapeTarget(Map<String, String> labels, String scrapeUrl, String health, String lastError) {
        public ScrapeTarget {
            labels = Map.copyOf(labels);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    // the shared Prometheus answered /api/v1/targets in 5-9 s under a load average of 12 (2026-12-07): 5 s
    // failed check 7 on a slow but working server; check 7's own deadline (20 s) still bounds the whole check
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI baseUrl;
    private final HttpClient http;

    public PrometheusTargets(URI baseUrl) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** A client when PROMETHEUS_URL is set. */
    public static Optional<PrometheusTargets> fromSettings(Settings settings) {
        return settings.optional(Setting.PROMETHEUS_URL).map(URI::create).map(PrometheusTargets::new);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public List<ScrapeTarget> active() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("api/v1/targets?state=active"))
                .timeout(TIMEOUT).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IOException("Prometheus " + baseUrl + "api/v1/targets answered HTTP " + response.statusCode());
        }
        JsonNode root = JSON.readTree(response.body());
        if (!"success".equals(root.path("status").asText())) {
            throw new IOException("Prometheus " + baseUrl + "api/v1/targets answered status '"
                    + root.path("status").asText() + "': " + root.path("error").asText());
        }
        List<ScrapeTarget> targets = new ArrayList<>();
        for (JsonNode t : root.path("data").path("activeTargets")) {
            Map<String, String> labels = new LinkedHashMap<>();
            t.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            targets.add(new ScrapeTarget(labels, t.path("scrapeUrl").asText(), t.path("health").asText(),
                    t.path("lastError").asText()));
        }
        return targets;
    }

    /** The tenant's target, preferring one that is up when there are several. */
    public Optional<ScrapeTarget> forTenant(String tenantId) throws IOException, InterruptedException {
        List<ScrapeTarget> mine = active().stream()
                .filter(t -> tenantId.equals(t.labels().get(TenantLabels.TENANT_ID)))
                .toList();
        return mine.stream().filter(t -> "up".equals(t.health())).findFirst().or(() -> mine.stream().findFirst());
    }

    /**
     * The file_sd globs of Prometheus' loaded configuration ({@code GET /api/v1/status/config}), read
     * from the YAML it returns in its normalised form ({@code - files:} then one {@code - <glob>} per line).
     */
    public List<String> fileSdGlobs() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("api/v1/status/config"))
                .timeout(TIMEOUT).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IOException("Prometheus " + baseUrl + "api/v1/status/config answered HTTP " + response.statusCode());
        }
        String yaml = JSON.readTree(response.body()).path("data").path("yaml").asText();
        List<String> globs = new ArrayList<>();
        int filesIndent = -1;
        for (String line : yaml.split("\n")) {
            String trimmed = line.trim();
            int indent = line.indexOf(trimmed.isEmpty() ? " " : trimmed.substring(0, 1));
            if (trimmed.equals("- files:") || trimmed.equals("files:")) {
                filesIndent = indent;
            } else if (filesIndent >= 0 && trimmed.startsWith("- ") && indent > filesIndent) {
                globs.add(unquote(trimmed.substring(2).trim()));
            } else {
                filesIndent = -1;
            }
        }
        return globs;
    }

    /** One request; a connection refused or a deadline passed says it was Prometheus, and where. */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException("Prometheus at " + baseUrl + " could not be asked " + request.uri().getPath() + " (deadline "
                    + TIMEOUT.toSeconds() + " s): " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    /** Whether the target answers {@code GET http://<target>/metrics} with 200, as Prometheus' scrape would ask. */
    public boolean answersDirectly(String target) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + target + "/metrics"))
                    .timeout(TIMEOUT).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | IllegalArgumentException unreachable) {
            return false;
        }
    }
}
