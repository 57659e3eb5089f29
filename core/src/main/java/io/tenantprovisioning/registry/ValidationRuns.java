package io.tenantprovisioning.registry;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The validation_runs table: every run of the suite with its JSON report. */
public final class ValidationRuns {

    private static final String COLUMNS = "id, tenant_id, started_at, finished_at, passed, report";

    private final SqlScope scope;

    ValidationRuns(SqlScope scope) {
        this.scope = scope;
    }

    /** Records a run; the report must be a JSON document. */
    public ValidationRunRecord record(UUID tenantId, Instant startedAt, Instant finishedAt, boolean passed,
                                      String reportJson) {
        Columns.requireJson(reportJson, "validation report");
        ValidationRunRecord run = new ValidationRunRecord(UUID.randomUUID(), tenantId, startedAt, finishedAt, passed,
                reportJson);
        return scope.run("record a validation run of tenant " + tenantId, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO validation_runs "
                    + "(id, tenant_id, started_at, finished_at, passed, report) VALUES (?, ?, ?, ?, ?, ?::jsonb)")) {
                ps.setObject(1, run.id());
                ps.setObject(2, tenantId);
                Columns.setInstant(ps, 3, startedAt);
                Columns.setInstant(ps, 4, finishedAt);
                ps.setBoolean(5, passed);
                ps.setString(6, reportJson);
                ps.executeUpdate();
                return run;
            }
        });
    }

    /** The tenant's most recent run, if any. */
    public Optional<ValidationRunRecord> last(UUID tenantId) {
        return scope.run("read the last validation run of tenant " + tenantId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM validation_runs WHERE tenant_id = ? ORDER BY finished_at DESC, id LIMIT 1")) {
                ps.setObject(1, tenantId);
                List<ValidationRunRecord> runs = all(ps);
                return runs.isEmpty() ? Optional.<ValidationRunRecord>empty() : Optional.of(runs.get(0));
            }
        });
    }

    /**
     * The most recent runs of each of the tenants, at most {@code perTenant} each, newest first; a
     * tenant without runs has no entry. One query for a whole fleet rather than one per tenant.
     */
    public Map<UUID, List<ValidationRunRecord>> recent(Collection<UUID> tenantIds, int perTenant) {
        if (perTenant < 1) {
            throw new IllegalArgumentException("perTenant must be at least 1, got " + perTenant);
        }
        if (tenantIds.isEmpty()) {
            return Map.of();
        }
        return scope.run("read the recent validation runs of " + tenantIds.size() + " tenants", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM (SELECT " + COLUMNS
                    + ", row_number() OVER (PARTITION BY tenant_id ORDER BY finished_at DESC, id) AS n"
                    + " FROM validation_runs WHERE tenant_id = ANY (?)) r WHERE n <= ?"
                    + " ORDER BY tenant_id, finished_at DESC, id")) {
                ps.setArray(1, uuidArray(c, tenantIds));
                ps.setInt(2, perTenant);
                return byTenant(all(ps));
            }
        });
    }

    /**
     * Each tenant's most recent run whose report holds a check with this id (e.g. the
     * {@code resource-drift} result only re-validation records); a tenant without one has no entry.
     */
    public Map<UUID, ValidationRunRecord> lastWithCheck(Collection<UUID> tenantIds, String checkId) {
        if (tenantIds.isEmpty()) {
            return Map.of();
        }
        return scope.run("read the last runs with check " + checkId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT ON (tenant_id) " + COLUMNS
                    + " FROM validation_runs WHERE tenant_id = ANY (?) AND report -> 'checks' @> ?::jsonb"
                    + " ORDER BY tenant_id, finished_at DESC, id")) {
                ps.setArray(1, uuidArray(c, tenantIds));
                ps.setString(2, Columns.toJson(List.of(Map.of("id", checkId))));
                Map<UUID, ValidationRunRecord> last = new LinkedHashMap<>();
                all(ps).forEach(run -> last.put(run.tenantId(), run));
                return last;
            }
        });
    }

    private static Array uuidArray(Connection c, Collection<UUID> ids) throws SQLException {
        return c.createArrayOf("uuid", ids.toArray());
    }

    private static Map<UUID, List<ValidationRunRecord>> byTenant(List<ValidationRunRecord> runs) {
        Map<UUID, List<ValidationRunRecord>> grouped = new LinkedHashMap<>();
        runs.forEach(run -> grouped.computeIfAbsent(run.tenantId(), id -> new ArrayList<>()).add(run));
        grouped.replaceAll((id, list) -> List.copyOf(list));
        return grouped;
    }

    private static List<ValidationRunRecord> all(PreparedStatement ps) throws SQLException {
        List<ValidationRunRecord> runs = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                runs.add(new ValidationRunRecord(Columns.uuid(rs, "id"), Columns.uuid(rs, "tenant_id"),
                        Columns.instant(rs, "started_at"), Columns.instant(rs, "finished_at"),
                        rs.getBoolean("passed"), rs.getString("report")));
            }
        }
        return runs;
    }
}
