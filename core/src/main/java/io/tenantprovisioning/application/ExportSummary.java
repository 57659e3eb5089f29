package io.tenantprovisioning.application;

import java.nio.file.Path;
import java.util.Map;

/**
 * What {@link TenantExport} wrote: {@code postgres/<table>.jsonl} per table, {@code objects/<key>} per
 * object, and {@code manifest.json} describing both.
 *
 * @param rowsPerTable rows written per table of the tenant's schema, by table name
 * @param rowsInSchema every row of those tables as the admin counted it, whatever its tenant_id: an
 *                     export exists only when it wrote each of them
 */
public record ExportSummary(String slug, Path directory, Map<String, Long> rowsPerTable,
                            Map<String, Long> rowsInSchema, int objects, long objectBytes) {

    public ExportSummary {
        rowsPerTable = Map.copyOf(rowsPerTable);
        rowsInSchema = Map.copyOf(rowsInSchema);
    }
}
