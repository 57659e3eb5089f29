package io.tenantprovisioning.resource.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes and counts a tenant's documents, chunks and query log as the tenant itself (through
 * {@link TenantDatabase}), so RLS applies and {@code tenant_id} comes from the transaction.
 */
public final class TenantDocuments {

    private final TenantDatabase database;

    public TenantDocuments(TenantDatabase database) {
        this.database = database;
    }

    /** Stores a document and its chunks (in order) in one transaction; returns the document id. */
    public long insert(String title, String body, List<String> chunks) throws SQLException {
        String documents = database.schema().qualify("documents");
        String chunkTable = database.schema().qualify("chunks");
        return database.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into " + documents + " (title, body) values (?, ?) returning id")) {
                ps.setString(1, title);
                ps.setString(2, body);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into " + chunkTable + " (document_id, ordinal, content) values (?, ?, ?)")) {
                for (int i = 0; i < chunks.size(); i++) {
                    ps.setLong(1, id);
                    ps.setInt(2, i);
                    ps.setString(3, chunks.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return id;
        });
    }

    /** Deletes a document (its chunks go with it); returns whether it existed for this tenant. */
    public boolean delete(long documentId) throws SQLException {
        String documents = database.schema().qualify("documents");
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from " + documents + " where id = ?")) {
                ps.setLong(1, documentId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** How many documents this tenant sees. */
    public long countDocuments() throws SQLException {
        String documents = database.schema().qualify("documents");
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from " + documents);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Records one RAG query and how long it took. */
    public void logQuery(String question, double latencyMs) throws SQLException {
        String queryLog = database.schema().qualify("query_log");
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into " + queryLog + " (question, latency_ms) values (?, ?)")) {
                ps.setString(1, question);
                ps.setDouble(2, latencyMs);
                return ps.executeUpdate();
            }
        });
    }
}
