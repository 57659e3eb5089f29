package io.tenantprovisioning.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A file of tenant requests, one a row: CSV with a header line, or YAML holding a list of mappings. The
 * columns are the request flags' names ({@code name, tier, region, budget, email, classification,
 * jurisdiction, cross-border, cost-center, idempotency-key}); only the first five are required. Nothing
 * is checked here beyond the shape: each row is a {@link RequestDraft} for {@link RequestValidator}.
 */
public final class RequestFile {

    public static final List<String> COLUMNS = List.of("name", "tier", "region", "budget", "email",
            "classification", "jurisdiction", "cross-border", "cost-center", "idempotency-key");
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "");

    private RequestFile() {
    }

    /**
     * Reads every row of the file ({@code .csv}, or {@code .yaml}/{@code .yml}).
     *
     * @throws IllegalArgumentException when the file cannot be read as such at all (its line when known)
     */
    public static List<RequestRow> read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".csv")) {
                return csv(file);
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return yaml(file);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not readable as " + (name.endsWith(".csv") ? "CSV" : "YAML")
                    + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        throw new IllegalArgumentException(file + ": a request file ends in .csv, .yaml or .yml");
    }

    private static List<RequestRow> csv(Path file) throws IOException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .enable(CsvParser.Feature.TRIM_SPACES).build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnReordering(true);
        List<RequestRow> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema)
                     .readValues(reader)) {
            while (it.hasNextValue()) {
                Map<String, String> values = it.nextValue();
                // after the row is read, the parser's last token (its end) is on the row's own line
                rows.add(row(it.getParser().currentTokenLocation().getLineNr(), values));
            }
        }
        return rows;
    }

    private static List<RequestRow> yaml(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        List<RequestRow> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser parser = mapper.createParser(reader)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("the YAML file must be a list of requests (- name: ...), one item a row");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode item = mapper.readTree(parser);
                Map<String, String> values = new java.util.LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> f = item.fields(); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = f.next();
                    values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
                }
                rows.add(row(line, values));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new IOException("line " + parser.currentTokenLocation().getLineNr()
                        + ": each item of the list must be a mapping of request fields");
            }
        }
        return rows;
    }

    private static RequestRow row(int line, Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        values.keySet().stream().filter(k -> !COLUMNS.contains(k.trim().toLowerCase(Locale.ROOT)))
                .forEach(k -> problems.add("unknown column '" + k + "' (known: " + String.join(", ", COLUMNS) + ")"));
        Map<String, String> v = new java.util.HashMap<>();
        values.forEach((k, value) -> v.put(k.trim().toLowerCase(Locale.ROOT), value == null ? null : value.trim()));
        String crossBorder = v.getOrDefault("cross-border", "");
        boolean cross = crossBorder != null && TRUE.contains(crossBorder.toLowerCase(Locale.ROOT));
        if (crossBorder != null && !cross && !FALSE.contains(crossBorder.toLowerCase(Locale.ROOT))) {
            problems.add("cross-border: '" + crossBorder + "' is not true or false");
        }
        RequestDraft draft = new RequestDraft(v.get("name"), v.get("tier"), v.get("region"), v.get("budget"),
                v.get("email"), blankToNull(v.getOrDefault("classification", "INTERNAL"), "INTERNAL"),
                blankToNull(v.get("jurisdiction"), "NONE"), cross, blankToNull(v.get("cost-center"), null),
                blankToNull(v.get("idempotency-key"), null));
        return new RequestRow(line, draft, problems);
    }

    private static String blankToNull(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
