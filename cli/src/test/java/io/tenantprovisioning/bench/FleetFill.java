package io.tenantprovisioning.bench;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * The fast path the issue allows for populating a registry: filler tenants as bulk rows (copies of one
 * real tenant's tenant and request rows under new ids and slugs, ACTIVE, no resources behind them), in
 * the bench's own registry schema, as the admin role. Every measured command stays the real one.
 */
final class FleetFill implements AutoCloseable {

    private final Connection admin;
    private final String schema;
    private final String prefix = "ff" + UUID.randomUUID().toString().substring(0, 6);
    private int filled;

    FleetFill(Settings settings, String schema) throws SQLException {
        String url = settings.optional(Setting.REGISTRY_DB_URL).orElseGet(() -> "jdbc:postgresql://"
                + settings.string(Setting.REGISTRY_DB_HOST) + ":" + settings.string(Setting.REGISTRY_DB_PORT) + "/"
                + settings.string(Setting.REGISTRY_DB_NAME));
        Properties props = new Properties();
        props.setProperty("user", settings.string(Setting.REGISTRY_DB_USER));
        props.setProperty("password", settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD).reveal());
        this.admin = DriverManager.getConnection(url, props);
        this.schema = schema;
    }

    /** Whether the schema exists already (an earlier run that was killed): the bench then refuses to start. */
    boolean schemaExists() throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement(
                "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** How many tenant rows the registry holds, whatever their state. */
    long tenantRows() throws SQLException {
        try (Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + schema + "\".tenants")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Adds filler rows, copies of {@code templateSlug}'s rows, until the registry holds {@code rows} tenants. */
    void fillTo(long rows, String templateSlug) throws SQLException {
        long missing = rows - tenantRows();
        if (missing <= 0) {
            return;
        }
        String s = "\"" + schema + "\".";
        String sql = "WITH src AS (SELECT g, gen_random_uuid() AS tid, gen_random_uuid() AS rid"
                + " FROM generate_series(?, ?) g),"
                + " tpl AS (SELECT * FROM " + s + "tenants WHERE slug = ? ORDER BY created_at DESC LIMIT 1),"
                + " t AS (INSERT INTO " + s + "tenants (id, slug, name, tier, region, state, tier_config, cost, engine,"
                + " request_id, created_at, updated_at) SELECT src.tid, ? || '-' || src.g, 'Fleet filler ' || src.g,"
                + " tpl.tier, tpl.region, 'ACTIVE', tpl.tier_config, tpl.cost, tpl.engine, src.rid, now(), now()"
                + " FROM src, tpl RETURNING id)"
                + " INSERT INTO " + s + "provisioning_requests (id, tenant_id, request, request_hash, idempotency_key,"
                + " requester, route, created_at) SELECT src.rid, src.tid, r.request, r.request_hash, NULL,"
                + " r.requester, r.route, now() FROM src, tpl, " + s + "provisioning_requests r WHERE r.id = tpl.request_id";
        try (PreparedStatement ps = admin.prepareStatement(sql)) {
            ps.setLong(1, filled + 1);
            ps.setLong(2, filled + missing);
            ps.setString(3, templateSlug);
            ps.setString(4, prefix);
            if (ps.executeUpdate() != missing) {
                throw new IllegalStateException("filler rows: expected " + missing + " copies of " + templateSlug);
            }
        }
        filled += missing;
    }

    /** Drops the bench's registry schema: it was created by this run (see {@link #schemaExists}). */
    void dropSchema() throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        }
    }

    @Override
    public void close() throws SQLException {
        admin.close();
    }
}
