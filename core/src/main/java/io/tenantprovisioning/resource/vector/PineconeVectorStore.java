package io.tenantprovisioning.resource.vector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pinecone backend: one index, one namespace {@code tenant-<slug>} per tenant.
 *
 * <p>Speaks Pinecone's documented data-plane REST contract ({@code /vectors/upsert}, {@code /query},
 * {@code /vectors/delete}, {@code /vectors/fetch}, {@code /describe_index_stats}, header {@code Api-Key})
 * with the JDK HttpClient. The official {@code io.pinecone:pinecone-client} uses gRPC for the data plane,
 * which cannot be exercised against a recorded HTTP contract here, so it is not used.
 *
 * <p>Pinecone namespaces carry no tags, so the tenant tags live in a marker record
 * ({@value #MARKER_ID}) inside the namespace; queries never return it.
 */
public final class PineconeVectorStore implements VectorStore {

    static final String MARKER_ID = "__tenantctl_namespace__";
    static final String API_VERSION = "2025-01";
    /** Records per upsert/delete request: well under Pinecone's 2 MB request limit at 384 dimensions. */
    static final int BATCH = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI host;
    private final Secret apiKey;
    private final int dimensions;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /** @param indexHost the index's data-plane host, with or without {@code https://} */
    public PineconeVectorStore(URI indexHost, Secret apiKey, int dimensions) {
        String raw = indexHost.toString();
        this.host = URI.create(raw.contains("://") ? raw.replaceAll("/+$", "") : "https://" + raw);
        this.apiKey = apiKey;
        this.dimensions = dimensions;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public String backend() {
        return "pinecone";
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public void createNamespace(Slug slug, Map<String, String> tags) throws ResourceException {
        float[] markerVector = new float[dimensions];
        markerVector[0] = 1f; // Pinecone rejects all-zero dense vectors
        Map<String, String> metadata = new HashMap<>(tags);
        metadata.put("tenantctl_record", "namespace");
        ObjectNode body = json.createObjectNode();
        addRecord(body.putArray("vectors"), MARKER_ID, markerVector, metadata);
        body.put("namespace", slug.qualifiedName());
        post("/vectors/upsert", body, false);
    }

    @Override
    public void dropNamespace(Slug slug) throws ResourceException {
        ObjectNode body = json.createObjectNode().put("deleteAll", true).put("namespace", slug.qualifiedName());
        // Deleting a namespace that is already gone answers 404 on current API versions: that is success.
        post("/vectors/delete", body, true);
    }

    @Override
    public Optional<NamespaceDescription> describe(Slug slug) throws ResourceException {
        String namespace = slug.qualifiedName();
        Map<String, Long> counts = namespaceCounts();
        Optional<Map<String, String>> tags = markerTags(namespace);
        if (tags.isEmpty() && !counts.containsKey(namespace)) {
            return Optional.empty();
        }
        long passages = Math.max(0, counts.getOrDefault(namespace, 0L) - (tags.isPresent() ? 1 : 0));
        return Optional.of(new NamespaceDescription(namespace, host + "#" + namespace, tags.orElse(Map.of()), passages));
    }

    @Override
    public List<NamespaceDescription> listNamespaces() throws ResourceException {
        List<NamespaceDescription> found = new ArrayList<>();
        for (Map.Entry<String, Long> ns : namespaceCounts().entrySet()) {
            if (ns.getKey().startsWith("tenant-")) {
                Optional<Map<String, String>> tags = markerTags(ns.getKey());
                long passages = Math.max(0, ns.getValue() - (tags.isPresent() ? 1 : 0));
                found.add(new NamespaceDescription(ns.getKey(), host + "#" + ns.getKey(), tags.orElse(Map.of()), passages));
            }
        }
        return found;
    }

    @Override
    public void upsert(Slug slug, List<VectorDocument> documents) throws ResourceException {
        for (int from = 0; from < documents.size(); from += BATCH) {
            List<VectorDocument> batch = documents.subList(from, Math.min(documents.size(), from + BATCH));
            ObjectNode body = json.createObjectNode();
            ArrayNode vectors = body.putArray("vectors");
            for (VectorDocument document : batch) {
                if (MARKER_ID.equals(document.id())) {
                    throw new IllegalArgumentException("vector document id " + MARKER_ID + " is reserved");
                }
                Map<String, String> metadata = new HashMap<>(document.metadata());
                metadata.put("title", document.title());
                metadata.put("text", document.text());
                addRecord(vectors, document.id(), document.vector(), metadata);
            }
            body.put("namespace", slug.qualifiedName());
            post("/vectors/upsert", body, false);
        }
    }

    @Override
    public void delete(Slug slug, List<String> ids) throws ResourceException {
        for (int from = 0; from < ids.size(); from += BATCH) {
            ObjectNode body = json.createObjectNode();
            ArrayNode array = body.putArray("ids");
            ids.subList(from, Math.min(ids.size(), from + BATCH)).forEach(array::add);
            body.put("namespace", slug.qualifiedName());
            post("/vectors/delete", body, true);
        }
    }

    @Override
    public List<VectorHit> query(Slug caller, String namespace, float[] vector, int k) throws ResourceException {
        VectorStore.requireOwnNamespace(caller, namespace);
        requireDimensions(vector);
        if (k <= 0) {
            throw new IllegalArgumentException("vector query: k must be positive, got " + k);
        }
        ObjectNode body = json.createObjectNode().put("namespace", namespace);
        putVector(body.putArray("vector"), vector);
        body.put("topK", k + 1).put("includeMetadata", true).put("includeValues", false);
        JsonNode answer = post("/query", body, false);
        String answered = answer.path("namespace").asText(namespace);
        if (!namespace.equals(answered)) {
            throw new ResourceException("Pinecone answered a query for " + namespace + " from namespace '"
                    + answered + "'; refusing the result");
        }
        List<VectorHit> hits = new ArrayList<>();
        for (JsonNode match : answer.path("matches")) {
            String id = match.path("id").asText();
            if (!MARKER_ID.equals(id) && hits.size() < k) {
                JsonNode meta = match.path("metadata");
                hits.add(new VectorHit(namespace, id, match.path("score").asDouble(), meta.path("title").asText(""),
                        meta.path("text").asText("")));
            }
        }
        return hits;
    }

    private void addRecord(ArrayNode vectors, String id, float[] vector, Map<String, String> metadata) {
        requireDimensions(vector);
        ObjectNode record = vectors.addObject().put("id", id);
        putVector(record.putArray("values"), vector);
        ObjectNode meta = record.putObject("metadata");
        metadata.forEach(meta::put);
    }

    private Optional<Map<String, String>> markerTags(String namespace) throws ResourceException {
        String query = "?ids=" + encode(MARKER_ID) + "&namespace=" + encode(namespace);
        JsonNode marker = send("GET", "/vectors/fetch" + query, null, false).path("vectors").path(MARKER_ID);
        if (marker.isMissingNode() || marker.isNull()) {
            return Optional.empty();
        }
        Map<String, String> tags = new HashMap<>();
        marker.path("metadata").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
        tags.remove("tenantctl_record");
        return Optional.of(tags);
    }

    private Map<String, Long> namespaceCounts() throws ResourceException {
        JsonNode stats = post("/describe_index_stats", json.createObjectNode(), false);
        Map<String, Long> counts = new HashMap<>();
        stats.path("namespaces").properties().forEach(e -> counts.put(e.getKey(), e.getValue().path("vectorCount").asLong()));
        return counts;
    }

    private JsonNode post(String path, JsonNode body, boolean notFoundIsSuccess) throws ResourceException {
        return send("POST", path, body, notFoundIsSuccess);
    }

    private JsonNode send(String method, String path, JsonNode body, boolean notFoundIsSuccess)
            throws ResourceException {
        String operation = method + " " + path.replaceAll("\\?.*", "");
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(host + path)).timeout(TIMEOUT)
                    .header("Api-Key", apiKey.reveal())
                    .header("X-Pinecone-API-Version", API_VERSION)
                    .header("Accept", "application/json");
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 404 && notFoundIsSuccess) {
                return json.createObjectNode();
            }
            if (status / 100 != 2) {
                throw new ResourceException("Pinecone " + operation + " on " + host + " answered HTTP " + status);
            }
            String text = response.body();
            return text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (IOException e) {
            throw new ResourceException("Pinecone " + operation + " on " + host + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceException("Pinecone " + operation + " interrupted", e);
        }
    }

    private static void putVector(ArrayNode array, float[] vector) {
        for (float v : vector) {
            array.add(v);
        }
    }

    private void requireDimensions(float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("vector has " + vector.length + " dimensions; the index expects "
                    + dimensions);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
