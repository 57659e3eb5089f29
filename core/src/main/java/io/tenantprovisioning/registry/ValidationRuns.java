package io.tenantprovisioning.registry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The validation_runs table: every run of the suite with its JSON report. */
public final class ValidationRuns {

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
            try (PreparedStatement ps = c.prepareStatement("SELECT id, tenant_id, started_at, finished_at, passed, "
                    + "report FROM validation_runs WHERE tenant_id = ? ORDER BY finished_at DESC, id LIMIT 1")) {
                ps.setObject(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<ValidationRunRecord>empty();
                    }
                    return Optional.of(new ValidationRunRecord(Columns.uuid(rs, "id"), Columns.uuid(rs, "tenant_id"),
                            Columns.instant(rs, "started_at"), Columns.instant(rs, "finished_at"),
                            rs.getBoolean("passed"), rs.getString("report")));
                }
            }
        });
    }
}
