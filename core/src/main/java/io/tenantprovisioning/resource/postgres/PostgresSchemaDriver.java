package io.tenantprovisioning.resource.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ConfiguredResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.OwnershipMarker;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.TagRewrite;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.TerraformCreated;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.PGConnection;

/**
 * A tenant's PostgreSQL schema {@code t_<slug>} in TENANT_DB_NAME and its login role of the same name
 * (create, or adopt what Terraform created), then its tables (configure: per-tenant Flyway migrations
 * with RLS enabled and forced). Tables are configuration, not creation: the migrations run as the admin
 * (which owns every table), so they need nothing from the create phase but the role's name, and with
 * terraform/tenant they run after Terraform's role and schema exactly as after the driver's own.
 *
 * <p>Runs as the admin role (CREATEROLE, owner of the tenant database, not a superuser). The admin owns
 * every table; the tenant role owns nothing, has USAGE on its schema and DML on its tables only, and at
 * most its tier's number of connections. Tags are a row of the admin-only {@link SchemaTags} table
 * (not the schema's comment: the catalog shows comments to every role). Passwords are set with a SCRAM
 * verifier computed client-side, so the plain text never travels in a SQL statement.
 */
public final class PostgresSchemaDriver implements ResourceDriver, AutoCloseable {

    public static final String ATTR_SCHEMA = "postgres.schema";
    public static final String ATTR_ROLE = "postgres.role";
    public static final String ATTR_DATABASE = "postgres.database";
    public static final String ATTR_HOST = "postgres.host";
    public static final String ATTR_PORT = "postgres.port";
    public static final String SECRET_PASSWORD = "postgres.password";

    private static final String ROLE_FLAGS = "LOGIN NOCREATEDB NOCREATEROLE NOINHERIT";
    private static final PostgresKind NAMING = new PostgresKind();

    private final DataSource admin;
    private final PostgresEndpoint endpoint;
    private final RandomSecrets randomSecrets;
    private final TenantMigrations migrations;
    private final OwnershipMarker marker;
    private final AutoCloseable ownedPool;

    /** Uses an admin data source the caller owns (and closes). */
    public PostgresSchemaDriver(DataSource admin, PostgresEndpoint endpoint, RandomSecrets randomSecrets,
                                OwnershipMarker marker) {
        this(admin, admin, endpoint, randomSecrets, marker, null);
    }

    private PostgresSchemaDriver(DataSource admin, DataSource migrationSource, PostgresEndpoint endpoint,
                                 RandomSecrets randomSecrets, OwnershipMarker marker, AutoCloseable ownedPool) {
        this.admin = admin;
        this.endpoint = endpoint;
        this.randomSecrets = randomSecrets;
        this.migrations = new TenantMigrations(migrationSource);
        this.marker = marker;
        this.ownedPool = ownedPool;
    }

    /** A driver with its own small admin pool to TENANT_DB_NAME; {@link #close()} closes it. */
    public static PostgresSchemaDriver fromSettings(Settings settings, OwnershipMarker marker) {
        PostgresEndpoint endpoint = PostgresEndpoint.tenantData(settings);
        HikariConfig config = new HikariConfig();
        config.setPoolName("tenantctl-tenant-admin");
        // the driver's own DataSource rather than a URL: Hikari would look the URL's driver up through
        // DriverManager, whose driver discovery runs through the thread's context class loader
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(endpoint.jdbcUrl());
        ds.setUser(settings.string(Setting.REGISTRY_DB_USER));
        ds.setPassword(settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD).reveal());
        // deadlines on every admin call: a server that refuses or stops answering fails the step, never hangs it
        ds.setConnectTimeout(10);
        ds.setLoginTimeout(10);
        ds.setSocketTimeout(60);
        config.setDataSource(ds);
        config.setConnectionTimeout(10_000);
        // parallel work shares it (provision --from, revalidate --parallel): each tenant's migration and its
        // canary hold a connection for seconds; 3 starved four parallel rows into 30 s pool timeouts
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(config);
        // Flyway holds two connections per migration (its lock and the migration): from a pool of three,
        // three tenants configuring at once each held one and waited 30 s for a second (issue 19, item 3);
        // migrations open their own connections instead
        return new PostgresSchemaDriver(pool, ds, endpoint, new RandomSecrets(), marker, pool);
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.POSTGRES;
    }

    /**
     * The role with a fresh password and the schema with its tags (this registry's marker), in one
     * transaction: a crash leaves all or nothing. An existing schema or role is taken over only when it
     * carries this registry's marker for the tenant (a re-run, which sets a new password: the old one was
     * never handed out); a role {@code t_<slug>} someone else made is refused, not re-passworded.
     */
    @Override
    public CreatedResource create(TenantResourceSpec spec) throws ResourceException {
        SqlIdentifier name = nameOf(spec.slug());
        Secret password = randomSecrets.password();
        long oid;
        try (Connection c = admin.getConnection()) {
            SchemaTags.ensureTable(c);
            c.setAutoCommit(false);
            requireOurs(c, name, spec.slug());
            ensureRole(c, name, password);
            ensureSchema(c, name, tagsOf(spec));
            c.commit();
            oid = schemaOid(c, name);
        } catch (SQLException e) {
            throw new ResourceException("postgres: could not create schema and role " + name + " in " + endpoint
                    + ": " + e.getMessage(), e);
        }
        return created(name, oid, name.name(), endpoint.database(), password);
    }

    /**
     * The schema and role Terraform created, with Terraform's password: checked (the role may not bypass
     * RLS, the schema must be the tenant's), never altered. The password stays Terraform's alone.
     */
    @Override
    public CreatedResource adopt(TenantResourceSpec spec, TerraformCreated terraform) throws ResourceException {
        SqlIdentifier name = nameOf(spec.slug());
        String role = terraform.requireAttribute(ATTR_ROLE);
        Secret password = terraform.requireSecret(SECRET_PASSWORD);
        String database = terraform.attribute(ATTR_DATABASE).orElse(endpoint.database());
        if (!database.equals(endpoint.database())) {
            throw new ResourceException("postgres: Terraform created schema " + name + " in database " + database
                    + ", but TENANT_DB_NAME is " + endpoint.database());
        }
        try (Connection c = admin.getConnection()) {
            TenantCatalog.RoleRow row = TenantCatalog.role(c, role).orElseThrow(() -> new ResourceException(
                    "postgres: Terraform reported role " + role + ", which does not exist in " + endpoint));
            if (row.superuser() || row.bypassRls()) {
                throw new ResourceException("postgres: role " + role + " has SUPERUSER or BYPASSRLS; RLS would not"
                        + " bind it, so it is not adopted");
            }
            requireAdoptable(c, name, spec.slug());
            return created(name, schemaOid(c, name), role, database, password);
        } catch (SQLException e) {
            throw new ResourceException("postgres: could not read schema " + name + " Terraform created: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The tags (Terraform writes none), the tier's connection limit, {@code public} locked down, and the
     * per-tenant Flyway migrations: tables with RLS enabled and forced, the policies, and the role's
     * grants. Runs as the admin, which owns every table; never touches the role's password.
     */
    @Override
    public ConfiguredResource configure(TenantResourceSpec spec, CreatedResource created) throws ResourceException {
        SqlIdentifier schema = nameOf(spec.slug());
        SqlIdentifier role = new SqlIdentifier(created.attributes().getOrDefault(ATTR_ROLE, schema.name()));
        int limit = spec.tierConfig().postgresConnectionLimit();
        MigrateResult migrated;
        try {
            try (Connection c = admin.getConnection()) {
                SchemaTags.ensureTable(c);
                c.setAutoCommit(false);
                SchemaTags.write(c, schema, tagsOf(spec));
                // a limit of its own: without one, a tenant could hold every connection of the server
                execute(c, "ALTER ROLE " + role.quoted() + " CONNECTION LIMIT " + limit);
                lockDownPublic(c, role);
                c.commit();
            }
            migrated = migrations.migrate(schema, role);
        } catch (SQLException | FlywayException e) {
            throw new ResourceException("postgres: could not configure schema " + schema + " in " + endpoint + ": "
                    + e.getMessage(), e);
        }
        return new ConfiguredResource(created, List.of(
                "tables documents, chunks, query_log with row-level security enabled and forced ("
                        + migrated.migrationsExecuted + " migrations applied now)",
                "tags of schema " + schema.name() + " in " + SchemaTags.TABLE + " (readable by the admin only)",
                "at most " + limit + " connections for " + role.name(),
                "no CREATE on schema public for " + role.name()));
    }

    /** The tags row of the schema, rewritten by the admin; the role, its grants and the tables stay. */
    @Override
    public void rewriteTags(TenantResourceSpec spec, TagRewrite rewrite) throws ResourceException {
        SqlIdentifier schema = nameOf(spec.slug());
        try (Connection c = admin.getConnection()) {
            SchemaTags.ensureTable(c);
            requireRewritable(rewrite, c, schema, spec.slug());
            if (rewrite.writes()) {
                SchemaTags.write(c, schema, tagsOf(spec));
            }
        } catch (SQLException e) {
            throw new ResourceException("postgres: could not rewrite the tags of schema " + schema + " in " + endpoint
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ResourceDescription> describe(Slug slug) throws ResourceException {
        SqlIdentifier name = nameOf(slug);
        try (Connection c = admin.getConnection()) {
            Map<String, String> tags = tagsOf(c, name);
            if (!marker.describes(tags, slug)) {
                return Optional.empty(); // someone else's schema or role of that name is not this tenant's
            }
            Optional<TenantCatalog.SchemaRow> schema = TenantCatalog.schema(c, name.name());
            if (schema.isPresent()) {
                return Optional.of(new ResourceDescription(ResourceKind.POSTGRES, name.name(),
                        Long.toString(schema.get().oid()), tags));
            }
            // a role without its schema is still ours to report (half a destroy: the marker row goes last)
            return TenantCatalog.role(c, name.name()).map(role -> new ResourceDescription(ResourceKind.POSTGRES,
                    name.name(), "role:" + role.oid(), tags));
        } catch (SQLException e) {
            throw new ResourceException("postgres: could not read schema " + name + ": " + e.getMessage(), e);
        }
    }

    /** The role and the schema {@code t_<slug>}, when they exist, whoever's their tags say they are. */
    @Override
    public List<String> occupants(Slug slug) throws ResourceException {
        SqlIdentifier name = nameOf(slug);
        try (Connection c = admin.getConnection()) {
            String whose = " (" + marker.of(tagsOf(c, name), slug) + ")";
            return java.util.stream.Stream.of(TenantCatalog.role(c, name.name()).map(r -> "role " + name + whose),
                    TenantCatalog.schema(c, name.name()).map(r -> "schema " + name + whose))
                    .flatMap(Optional::stream).toList();
        } catch (SQLException e) {
            throw new ResourceException("postgres: could not look up role and schema " + name + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Every row of every table in the tenant's schema, whatever its {@code tenant_id}, counted as the admin
     * (see {@link SchemaRowCount}); an export that copied fewer must not let offboarding drop the schema.
     */
    public Map<String, Long> countAllRows(Slug slug) throws ResourceException {
        SqlIdentifier schema = nameOf(slug);
        try (Connection c = admin.getConnection()) {
            return SchemaRowCount.count(c, schema);
        } catch (SQLException | IllegalArgumentException e) {
            throw new ResourceException("postgres: could not count the rows of schema " + schema + ": "
                    + e.getMessage(), e);
        }
    }

    /** Drops schema and role only when they carry this registry's marker; anything else of the name stays. */
    @Override
    public void destroy(Slug slug) throws ResourceException {
        SqlIdentifier name = nameOf(slug);
        try (Connection c = admin.getConnection()) {
            if (!marker.mayDestroy("postgres: schema and role " + name, tagsOf(c, name), slug)) {
                return;
            }
            execute(c, "DROP SCHEMA IF EXISTS " + name.quoted() + " CASCADE");
            if (TenantCatalog.role(c, name.name()).isPresent()) {
                dropRole(c, name);
            }
            // the marker last: it is what the sweep finds a half-destroyed schema or role by
            SchemaTags.delete(c, name);
        } catch (SQLException e) {
            throw new ResourceException("postgres: could not drop schema and role " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ManagedResource> listManaged() throws ResourceException {
        List<ManagedResource> out = new ArrayList<>();
        try (Connection c = admin.getConnection()) {
            // only what carries this registry's marker: another registry's t_* schemas and roles (staging
            // beside production), and anything unmarked, are not this registry's to sweep
            Map<String, Map<String, String>> tagRows = SchemaTags.all(c);
            for (String schema : TenantCatalog.tenantSchemas(c).keySet()) {
                marker.tenantOf(tagRows.getOrDefault(schema, Map.of())).ifPresent(tenant ->
                        out.add(new ManagedResource(ResourceKind.POSTGRES, schema, tenant)));
            }
            for (String role : TenantCatalog.rolesWithoutSchema(c)) {
                if (marker.carries(tagRows.getOrDefault(role, Map.of()))) {
                    out.add(new ManagedResource(ResourceKind.POSTGRES, role, slugFromName(role)));
                }
            }
        } catch (SQLException e) {
            throw new ResourceException("postgres: could not list tenant schemas and roles: " + e.getMessage(), e);
        }
        return out;
    }

    /** The tenant role's password, for rotation: set it, try a login with it. */
    public RolePasswords passwords() {
        return new RolePasswords(admin, endpoint);
    }

    @Override
    public void close() throws Exception {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    /** Schema and role name of a tenant: {@code t_acme_corp} (the kind's naming). */
    public static SqlIdentifier nameOf(Slug slug) {
        return new SqlIdentifier(NAMING.name(slug));
    }

    private CreatedResource created(SqlIdentifier schema, long oid, String role, String database, Secret password) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(ATTR_SCHEMA, schema.name());
        attributes.put(ATTR_ROLE, role);
        attributes.put(ATTR_DATABASE, database);
        attributes.put(ATTR_HOST, endpoint.host());
        attributes.put(ATTR_PORT, Integer.toString(endpoint.port()));
        return new CreatedResource(ResourceKind.POSTGRES, schema.name(), Long.toString(oid), attributes,
                Map.of(SECRET_PASSWORD, password));
    }

    private static long schemaOid(Connection c, SqlIdentifier schema) throws SQLException {
        return TenantCatalog.schema(c, schema.name()).orElseThrow(
                () -> new SQLException("schema " + schema + " does not exist")).oid();
    }

    /** An existing schema or role of the name is taken over only when it carries this registry's marker. */
    private void requireOurs(Connection c, SqlIdentifier name, Slug slug) throws SQLException, ResourceException {
        requireRewritable(TagRewrite.RETAG, c, name, slug);
    }

    private void requireRewritable(TagRewrite rewrite, Connection c, SqlIdentifier name, Slug slug)
            throws SQLException, ResourceException {
        if (TenantCatalog.schema(c, name.name()).isPresent()) {
            marker.requireRewritable(rewrite, "postgres: schema " + name, tagsOf(c, name), slug);
        } else if (TenantCatalog.role(c, name.name()).isPresent()) {
            marker.requireRewritable(rewrite, "postgres: role " + name, tagsOf(c, name), slug);
        }
    }

    /**
     * Terraform's role and schema: Terraform (this registry's state) created them in this run and writes no
     * marker, so no marker row yet is expected (configure writes it); a row that is not ours is refused.
     */
    private void requireAdoptable(Connection c, SqlIdentifier name, Slug slug) throws SQLException, ResourceException {
        Map<String, String> tags = tagsOf(c, name);
        if (!tags.isEmpty()) {
            marker.requireOurs("postgres: schema " + name, tags, slug);
        }
    }

    /** The marker row of a schema or role name (kept until both are gone), else an old schema comment. */
    private static Map<String, String> tagsOf(Connection c, SqlIdentifier name) throws SQLException {
        String legacyComment = TenantCatalog.schema(c, name.name()).map(TenantCatalog.SchemaRow::comment).orElse(null);
        return SchemaTags.read(c, name.name(), legacyComment);
    }

    private void ensureRole(Connection c, SqlIdentifier role, Secret password) throws SQLException {
        Optional<TenantCatalog.RoleRow> existing = TenantCatalog.role(c, role.name());
        if (existing.isEmpty()) {
            execute(c, "CREATE ROLE " + role.quoted() + " WITH " + ROLE_FLAGS + " NOSUPERUSER NOBYPASSRLS NOREPLICATION");
        } else {
            if (existing.get().superuser() || existing.get().bypassRls()) {
                // only a superuser can undo these; refusing beats handing out a role that ignores RLS
                throw new SQLException("role " + role + " already exists with SUPERUSER or BYPASSRLS; "
                        + "a superuser must drop it before this tenant can be provisioned");
            }
            // a re-run after a crash: restore the flags (a non-superuser may not name SUPERUSER/BYPASSRLS here)
            execute(c, "ALTER ROLE " + role.quoted() + " WITH " + ROLE_FLAGS);
        }
        char[] chars = password.reveal().toCharArray();
        try {
            c.unwrap(PGConnection.class).alterUserPassword(role.name(), chars, "scram-sha-256");
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static void ensureSchema(Connection c, SqlIdentifier schema, Map<String, String> tags) throws SQLException {
        execute(c, "CREATE SCHEMA IF NOT EXISTS " + schema.quoted() + " AUTHORIZATION CURRENT_USER");
        SchemaTags.write(c, schema, tags);
    }

    /** No CREATE on {@code public} for anyone but the owner, and no grant there for the tenant role. */
    private static void lockDownPublic(Connection c, SqlIdentifier role) throws SQLException {
        // only when needed: concurrent GRANT/REVOKE on one schema fail with "tuple concurrently updated"
        if (TenantCatalog.publicMayCreate(c)) {
            execute(c, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }
        if (TenantCatalog.roleHasGrantOnPublic(c, role.name())) {
            execute(c, "REVOKE ALL ON SCHEMA public FROM " + role.quoted());
        }
    }

    private static void dropRole(Connection c, SqlIdentifier role) throws SQLException {
        execute(c, "ALTER ROLE " + role.quoted() + " NOLOGIN");
        // a non-superuser may signal a role's sessions and drop what it was granted only as a member of it
        execute(c, "GRANT " + role.quoted() + " TO CURRENT_USER");
        try (PreparedStatement ps = c.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where usename = ? and pid <> pg_backend_pid()")) {
            ps.setString(1, role.name());
            ps.executeQuery().close();
        }
        execute(c, "DROP OWNED BY " + role.quoted());
        execute(c, "DROP ROLE IF EXISTS " + role.quoted());
    }

    private Map<String, String> tagsOf(TenantResourceSpec spec) {
        return marker.stamp(spec.tags(), spec.slug());
    }

    /** {@code t_acme_corp} → {@code acme-corp}: slugs never contain '_', so the mapping is exact. */
    static String slugFromName(String name) {
        return name.substring(2).replace('_', '-');
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
