package io.tenantprovisioning.application;

import io.tenantprovisioning.application.ExportSummary;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.objectstore.ObjectKey;
import io.tenantprovisioning.resource.objectstore.ObjectStoreBackend;
import io.tenantprovisioning.resource.objectstore.ObjectStoreException;
import io.tenantprovisioning.resource.objectstore.TenantObjectClient;
import io.tenantprovisioning.resource.postgres.TenantDatabase;
import io.tenantprovisioning.config.OwnerOnlyFiles;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies what a tenant owns out before offboarding destroys it: every table of its schema as JSON
 * lines, every object of its bucket byte for byte, and a manifest.
 *
 * <p>Both are read with the tenant's own credentials: RLS is FORCED and its policies admit only the
 * tenant role (with {@code app.tenant_id} set), so the admin role — owner, but not BYPASSRLS — reads
 * nothing; for the bucket it proves the export took exactly what the tenant could reach. What the tenant
 * cannot read would be lost, though (rows written without its id before issue #15 item 7): so the admin
 * then counts every row of the schema, and an export that wrote fewer fails, which destroys nothing.
 */
final class TenantExport {

    /** Every row of the tenant's schema per table, counted as the admin whatever its tenant_id. */
    @FunctionalInterface
    interface SchemaRows {
        Map<String, Long> count(Slug slug) throws ResourceException;
    }

    static final String TABLES_DIR = "postgres";
    static final String OBJECTS_DIR = "objects";
    static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectStoreBackend objectStore;
    private final SchemaRows schemaRows;

    TenantExport(ObjectStoreBackend objectStore, SchemaRows schemaRows) {
        this.objectStore = objectStore;
        this.schemaRows = schemaRows;
    }

    /** Refuses a target that exists and is not an empty folder, so no earlier export is mixed in. */
    static void requireUsable(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("export target " + dir + " exists and is not a folder");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException("export folder " + dir
                        + " is not empty; give a new or empty folder");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read export folder " + dir + ": " + e.getMessage(), e);
        }
    }

    ExportSummary write(TenantAccess tenant, Path dir, ProgressListener progress) {
        try {
            // a tenant's rows and documents: readable by the operator only
            OwnerOnlyFiles.createFolders(dir.resolve(TABLES_DIR));
            OwnerOnlyFiles.createFolders(dir.resolve(OBJECTS_DIR));
            Map<String, Long> rows = dumpTables(tenant, dir.resolve(TABLES_DIR));
            progress.event("export", "schema: " + rows.size() + " tables, " + total(rows) + " rows");
            Map<String, Long> inSchema = schemaRows.count(tenant.slug());
            requireEveryRow(rows, inSchema);
            progress.event("export", "schema: all " + total(inSchema) + " rows the admin counts were exported");
            Copied objects = copyObjects(tenant, dir.resolve(OBJECTS_DIR));
            progress.event("export", "bucket: " + objects.objects() + " objects, " + objects.bytes() + " bytes");
            ExportSummary summary = new ExportSummary(tenant.slug().value(), dir, rows, inSchema, objects.objects(),
                    objects.bytes());
            writeManifest(summary);
            return summary;
        } catch (IOException | SQLException | ObjectStoreException | ResourceException | RuntimeException e) {
            throw new TenantExportException("export of tenant " + tenant.slug() + " to " + dir
                    + " failed, so nothing was destroyed: " + e.getMessage(), e);
        }
    }

    /** Each table's rows as the admin counts them must all be in the export, or offboarding would lose some. */
    private static void requireEveryRow(Map<String, Long> exported, Map<String, Long> inSchema) {
        List<String> missed = new ArrayList<>();
        inSchema.forEach((table, count) -> {
            long written = exported.getOrDefault(table, 0L);
            if (written < count) {
                missed.add(table + ": " + written + " of " + count + " rows");
            }
        });
        if (!missed.isEmpty()) {
            throw new IllegalStateException("the export missed rows the tenant's role cannot read (" + String.join(", ",
                    missed) + "): rows without the tenant's own tenant_id, written before that was enforced; "
                    + "move or delete them as the admin before offboarding");
        }
    }

    private static long total(Map<String, Long> rows) {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> dumpTables(TenantAccess tenant, Path dir) throws SQLException {
        try (TenantDatabase database = TenantDatabase.of(tenant)) {
            return database.inTransaction(c -> {
                Map<String, Long> rows = new LinkedHashMap<>();
                for (String table : readableTables(c, database.schema().name())) {
                    rows.put(table, dumpTable(c, database.schema().qualify(table), dir.resolve(table + ".jsonl")));
                }
                return rows;
            });
        }
    }

    /** The schema's tables the tenant role may read (Flyway's history table is the admin's alone). */
    private static List<String> readableTables(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select c.relname from pg_class c join pg_namespace n "
                + "on n.oid = c.relnamespace where n.nspname = ? and c.relkind in ('r', 'p') "
                + "and has_table_privilege(c.oid, 'SELECT') order by c.relname")) {
            ps.setString(1, schema);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            return tables;
        }
    }

    private static long dumpTable(Connection c, String qualifiedTable, Path file) throws SQLException {
        long count = 0;
        try (PreparedStatement ps = c.prepareStatement("select * from " + qualifiedTable + " order by 1");
             ResultSet rs = ps.executeQuery();
             BufferedWriter out = new BufferedWriter(new OutputStreamWriter(OwnerOnlyFiles.open(file),
                     StandardCharsets.UTF_8))) {
            ResultSetMetaData columns = rs.getMetaData();
            while (rs.next()) {
                out.write(JSON.writeValueAsString(row(rs, columns)));
                out.write('\n');
                count++;
            }
        } catch (IOException e) {
            throw new SQLException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return count;
    }

    /** Numbers and booleans stay JSON numbers and booleans; everything else is PostgreSQL's text form. */
    private static ObjectNode row(ResultSet rs, ResultSetMetaData columns) throws SQLException {
        ObjectNode row = JSON.createObjectNode();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            String name = columns.getColumnLabel(i);
            Object value = rs.getObject(i);
            if (value == null) {
                row.putNull(name);
            } else if (value instanceof Boolean b) {
                row.put(name, b);
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                row.put(name, ((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                row.put(name, ((Number) value).doubleValue());
            } else if (value instanceof BigDecimal d) {
                row.put(name, d);
            } else {
                row.put(name, rs.getString(i));
            }
        }
        return row;
    }

    private record Copied(int objects, long bytes) {
    }

    private Copied copyObjects(TenantAccess tenant, Path dir) throws ObjectStoreException, IOException {
        Path root = dir.toAbsolutePath().normalize();
        int count = 0;
        long bytes = 0;
        try (TenantObjectClient client = objectStore.tenantClient(tenant)) {
            for (String key : client.list("")) {
                ObjectKey objectKey = ObjectKey.of(key);
                Path target = root.resolve(objectKey.value()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("object key '" + key + "' would leave the export folder");
                }
                byte[] content = client.get(objectKey);
                OwnerOnlyFiles.createFolders(target.getParent());
                OwnerOnlyFiles.write(target, content);
                count++;
                bytes += content.length;
            }
        }
        return new Copied(count, bytes);
    }

    private static void writeManifest(ExportSummary summary) throws IOException {
        ObjectNode manifest = PRETTY.createObjectNode();
        manifest.put("tenant", summary.slug());
        manifest.put("exportedAt", Instant.now().toString());
        ObjectNode tables = manifest.putObject("tables");
        summary.rowsPerTable().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> tables.put(e.getKey(), e.getValue()));
        ObjectNode counted = manifest.putObject("rowsInSchema");
        summary.rowsInSchema().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> counted.put(e.getKey(), e.getValue()));
        manifest.put("objects", summary.objects());
        manifest.put("objectBytes", summary.objectBytes());
        OwnerOnlyFiles.write(summary.directory().resolve(MANIFEST),
                (PRETTY.writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
