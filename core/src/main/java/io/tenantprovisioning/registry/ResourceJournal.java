package io.tenantprovisioning.registry;

import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.model.ResourceKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The resource journal: an intent row before a resource is created, marked done with the real
 * identifier afterwards, so a crash in between still leaves a record of what may exist.
 */
public final class ResourceJournal {

    private final SqlScope scope;

    ResourceJournal(SqlScope scope) {
        this.scope = scope;
    }

    /** Writes the intent row (status INTENDED) and returns its id. */
    public long intend(UUID tenantId, ResourceKind kind, String name, String engine) {
        Instant now = Columns.now();
        return scope.run("journal intent for " + kind.stepName() + " " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO resource_journal (tenant_id, kind, name, "
                    + "status, engine, created_at, updated_at) VALUES (?, ?, ?, 'INTENDED', ?, ?, ?) RETURNING id")) {
                ps.setObject(1, tenantId);
                ps.setString(2, kind.stepName());
                ps.setString(3, name);
                ps.setString(4, engine);
                Columns.setInstant(ps, 5, now);
                Columns.setInstant(ps, 6, now);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Marks the entry CREATED from what the driver reported; its secrets are not journalled. */
    public void markCreated(long entryId, CreatedResource resource, Map<String, String> tags) {
        markCreated(entryId, resource.identifier(), tags, resource.attributes());
    }

    /** Marks the entry CREATED with the service's identifier, its tags and its non-secret attributes. */
    public void markCreated(long entryId, String identifier, Map<String, String> tags, Map<String, String> attributes) {
        scope.run("journal creation of " + entryId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE resource_journal SET status = 'CREATED', "
                    + "identifier = ?, tags = ?::jsonb, attributes = ?::jsonb, updated_at = ? WHERE id = ?")) {
                ps.setString(1, identifier);
                ps.setString(2, Columns.toJson(tags));
                ps.setString(3, Columns.toJson(attributes));
                Columns.setInstant(ps, 4, Columns.now());
                ps.setLong(5, entryId);
                requireOne(ps, entryId);
                return null;
            }
        });
    }

    /** Marks the entry DELETED (the resource is gone from its service). */
    public void markDeleted(long entryId) {
        scope.run("journal deletion of " + entryId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE resource_journal SET status = 'DELETED', updated_at = ? WHERE id = ?")) {
                Columns.setInstant(ps, 1, Columns.now());
                ps.setLong(2, entryId);
                requireOne(ps, entryId);
                return null;
            }
        });
    }

    /** The tenant's entries in the order they were written. */
    public List<JournalEntry> entries(UUID tenantId) {
        return scope.run("read the journal of tenant " + tenantId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, tenant_id, kind, name, identifier, tags, "
                    + "attributes, status, engine, created_at, updated_at FROM resource_journal "
                    + "WHERE tenant_id = ? ORDER BY created_at, id")) {
                ps.setObject(1, tenantId);
                List<JournalEntry> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                }
                return rows;
            }
        });
    }

    private static void requireOne(PreparedStatement ps, long entryId) throws SQLException {
        if (ps.executeUpdate() != 1) {
            throw new RegistryException("no resource journal entry " + entryId);
        }
    }

    private static JournalEntry read(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        return new JournalEntry(rs.getLong("id"), Columns.uuid(rs, "tenant_id"),
                Arrays.stream(ResourceKind.values()).filter(k -> k.stepName().equals(kind)).findFirst()
                        .orElseThrow(() -> new RegistryException("journal names an unknown resource kind '" + kind + "'")),
                rs.getString("name"), rs.getString("identifier"), Columns.stringMap(rs.getString("tags")),
                Columns.stringMap(rs.getString("attributes")), JournalStatus.valueOf(rs.getString("status")),
                rs.getString("engine"), Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"));
    }
}
