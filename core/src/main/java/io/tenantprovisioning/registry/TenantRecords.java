package io.tenantprovisioning.registry;

import io.tenantprovisioning.cost.CostEstimate;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierConfig;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tenants table: one row per tenant request that got past validation. */
public final class TenantRecords {

    /** States after which the slug is free for a new tenant (mirrors the partial unique index). */
    public static final List<String> FINISHED_STATES = List.of("OFFBOARDED", "ROLLED_BACK", "REJECTED");

    private static final String COLUMNS = "id, slug, name, tier, region, state, tier_config, cost, engine, "
            + "request_id, created_at, updated_at";
    private static final String LIVE = "state NOT IN ('OFFBOARDED', 'ROLLED_BACK', 'REJECTED')";
    private static final String LIVE_SLUG_INDEX = "tenants_live_slug";

    private final SqlScope scope;

    TenantRecords(SqlScope scope) {
        this.scope = scope;
    }

    /** The slug's live tenant, or else its most recent finished one. */
    public Optional<TenantRecord> find(Slug slug) {
        return scope.run("find tenant " + slug, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tenants WHERE slug = ? "
                    + "ORDER BY (" + LIVE + ") DESC, created_at DESC LIMIT 1")) {
                ps.setString(1, slug.value());
                return one(ps);
            }
        });
    }

    /** Like {@link #find} but an unknown slug is an error that says so. */
    public TenantRecord require(Slug slug) {
        return find(slug).orElseThrow(() -> new UnknownTenantException("no tenant '" + slug + "' in the registry"));
    }

    public Optional<TenantRecord> byId(UUID id) {
        return scope.run("find tenant " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tenants WHERE id = ?")) {
                ps.setObject(1, id);
                return one(ps);
            }
        });
    }

    /**
     * Like {@link #require} but also locks the row until the transaction ends, so decisions and
     * transitions on one tenant take turns. Use inside {@link Registry#inTransaction}.
     */
    public TenantRecord lock(Slug slug) {
        return scope.run("lock tenant " + slug, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tenants WHERE slug = ? "
                    + "ORDER BY (" + LIVE + ") DESC, created_at DESC LIMIT 1 FOR UPDATE")) {
                ps.setString(1, slug.value());
                return one(ps);
            }
        }).orElseThrow(() -> new UnknownTenantException("no tenant '" + slug + "' in the registry"));
    }

    /**
     * The tenant with this id, its row locked until the transaction ends (see {@link #lock(Slug)}):
     * a decision on a request locks that request's own tenant, never whichever tenant the slug names now.
     */
    public TenantRecord lock(UUID id) {
        return scope.run("lock tenant " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM tenants WHERE id = ? FOR UPDATE")) {
                ps.setObject(1, id);
                return one(ps);
            }
        }).orElseThrow(() -> new UnknownTenantException("no tenant " + id + " in the registry"));
    }

    /** Every tenant, optionally only those in one state, by slug then age. */
    public List<TenantRecord> list(Optional<String> state) {
        return scope.run("list tenants", c -> {
            String where = state.isPresent() ? " WHERE state = ?" : "";
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tenants" + where
                    + " ORDER BY slug, created_at")) {
                if (state.isPresent()) {
                    ps.setString(1, state.get());
                }
                return all(ps);
            }
        });
    }

    /**
     * Records a new tenant; a live tenant with the same slug makes this fail and changes nothing.
     * Its request must be recorded in the same transaction (the foreign key is checked at commit).
     */
    public void insert(TenantRecord tenant) {
        scope.run("record tenant " + tenant.slug(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tenants (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)")) {
                ps.setObject(1, tenant.id());
                ps.setString(2, tenant.slug().value());
                ps.setString(3, tenant.name());
                ps.setString(4, tenant.tier().name());
                ps.setString(5, tenant.region());
                ps.setString(6, tenant.state().name());
                ps.setString(7, Columns.toJson(tenant.tierConfig()));
                ps.setString(8, Columns.toJson(tenant.cost()));
                ps.setString(9, tenant.engine());
                ps.setObject(10, tenant.requestId());
                Columns.setInstant(ps, 11, tenant.createdAt());
                Columns.setInstant(ps, 12, tenant.updatedAt());
                ps.executeUpdate();
                return null;
            } catch (SQLException e) {
                if (Columns.isUniqueViolation(e, LIVE_SLUG_INDEX)) {
                    throw new TenantAlreadyExistsException(tenant.slug().value(), " and is not finished");
                }
                throw e;
            }
        });
    }

    /**
     * Moves the slug's tenant from one state to another. Returns false, changing nothing, when the
     * tenant is not in {@code from} (it was changed concurrently, or never was there).
     */
    public boolean updateState(Slug slug, String from, String to, Instant at) {
        return scope.run("change state of " + slug, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tenants SET state = ?, updated_at = ? WHERE slug = ? AND state = ? AND " + LIVE)) {
                ps.setString(1, to);
                Columns.setInstant(ps, 2, at);
                ps.setString(3, slug.value());
                ps.setString(4, from);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Sets the live tenant's tier, tier config and cost (a configuration change applied, or restored);
     * its state and everything else stay. False, changing nothing, when the tenant is no longer live.
     */
    public boolean updateConfiguration(UUID id, Tier tier, TierConfig tierConfig, CostEstimate cost) {
        return scope.run("change the configuration of tenant " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tenants SET tier = ?, tier_config = ?::jsonb, "
                    + "cost = ?::jsonb, updated_at = ? WHERE id = ? AND " + LIVE)) {
                ps.setString(1, tier.name());
                ps.setString(2, Columns.toJson(tierConfig));
                ps.setString(3, Columns.toJson(cost));
                Columns.setInstant(ps, 4, Columns.now());
                ps.setObject(5, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Records which engine provisions the slug's live tenant. */
    public void setEngine(Slug slug, String engine) {
        scope.run("set engine of " + slug, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tenants SET engine = ?, updated_at = ? WHERE slug = ? AND " + LIVE)) {
                ps.setString(1, engine);
                Columns.setInstant(ps, 2, Columns.now());
                ps.setString(3, slug.value());
                if (ps.executeUpdate() != 1) {
                    throw new UnknownTenantException("no live tenant '" + slug + "' in the registry");
                }
                return null;
            }
        });
    }

    private static Optional<TenantRecord> one(PreparedStatement ps) throws SQLException {
        List<TenantRecord> rows = all(ps);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static List<TenantRecord> all(PreparedStatement ps) throws SQLException {
        List<TenantRecord> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new TenantRecord(
                        Columns.uuid(rs, "id"),
                        Slug.of(rs.getString("slug")),
                        rs.getString("name"),
                        Tier.valueOf(rs.getString("tier")),
                        rs.getString("region"),
                        TenantState.valueOf(rs.getString("state")),
                        StoredTierConfigs.read(rs.getString("tier_config")),
                        Columns.fromJson(rs.getString("cost"), CostEstimate.class),
                        rs.getString("engine"),
                        Columns.uuid(rs, "request_id"),
                        Columns.instant(rs, "created_at"),
                        Columns.instant(rs, "updated_at")));
            }
        }
        return rows;
    }
}
