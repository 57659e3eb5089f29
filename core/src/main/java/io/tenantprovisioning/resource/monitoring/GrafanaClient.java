package io.tenantprovisioning.resource.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few calls of Grafana's documented HTTP API this product makes: create-or-update a dashboard
 * ({@code POST /api/dashboards/db}), read it ({@code GET /api/dashboards/uid/:uid}), delete it
 * ({@code DELETE /api/dashboards/uid/:uid}) and search by tag ({@code GET /api/search}). The token is
 * sent as {@code Authorization: Bearer} and never appears in a message.
 */
public final class GrafanaClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI baseUrl;
    private final Optional<Secret> token;
    private final Optional<String> folderUid;
    private final HttpClient http;

    public GrafanaClient(URI baseUrl, Optional<Secret> token, Optional<String> folderUid) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.token = token;
        this.folderUid = folderUid;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** A client when GRAFANA_URL is set (GRAFANA_TOKEN is its service-account token). */
    public static Optional<GrafanaClient> fromSettings(Settings settings) {
        return settings.optional(Setting.GRAFANA_URL).map(url -> new GrafanaClient(URI.create(url),
                settings.secret(Setting.GRAFANA_TOKEN), Optional.empty()));
    }

    /** Creates or replaces the dashboard ({@code overwrite: true}, so a re-run is idempotent). */
    public void push(ObjectNode dashboard, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode model = dashboard.deepCopy();
        model.putNull("id");
        body.set("dashboard", model);
        folderUid.ifPresent(f -> body.put("folderUid", f));
        body.put("overwrite", true);
        body.put("message", message);
        send("POST", "api/dashboards/db", body.toString(), false);
    }

    /** The dashboard model, empty when Grafana has no dashboard with this uid. */
    public Optional<JsonNode> dashboard(String uid) throws IOException {
        return send("GET", "api/dashboards/uid/" + encode(uid), null, true).map(r -> r.path("dashboard"));
    }

    /** Deletes the dashboard; a dashboard that is already gone is success. */
    public void delete(String uid) throws IOException {
        send("DELETE", "api/dashboards/uid/" + encode(uid), null, true);
    }

    /** Dashboards carrying this tag: their search hits ({@code uid}, {@code title}, {@code tags}, ...). */
    public List<JsonNode> searchByTag(String tag) throws IOException {
        List<JsonNode> hits = new ArrayList<>();
        send("GET", "api/search?type=dash-db&tag=" + encode(tag), null, false).ifPresent(r -> r.forEach(hits::add));
        return hits;
    }

    private Optional<JsonNode> send(String method, String path, String body, boolean notFoundIsEmpty)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t.reveal()));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Grafana " + method + " /" + stripQuery(path) + " was interrupted", e);
        }
        if (response.statusCode() == 404 && notFoundIsEmpty) {
            return Optional.empty();
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Grafana " + method + " /" + stripQuery(path) + " answered HTTP "
                    + response.statusCode() + scrubbed(grafanaMessage(response.body())));
        }
        return Optional.of(response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body()));
    }

    /** Grafana's own error text ({@code {"message": ...}}), which names the problem without echoing credentials. */
    private static String grafanaMessage(String body) {
        try {
            String message = JSON.readTree(body).path("message").asText("");
            return message.isEmpty() ? "" : ": " + message;
        } catch (IOException notJson) {
            return "";
        }
    }

    /** Belt and braces: should a proxy ever echo the request, the token is masked before it becomes a message. */
    private String scrubbed(String text) {
        return token.map(t -> text.replace(t.reveal(), "****")).orElse(text);
    }

    private static String stripQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "GrafanaClient[" + baseUrl + "]";
    }
}
