package io.tenantprovisioning.resource.postgres;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.credential.CredentialProbe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The password of a tenant's login role: set it (as the admin, a SCRAM verifier computed client-side,
 * so the plain text never travels in SQL) and try it with a real login as the tenant. PostgreSQL keeps
 * one password per role: setting the new one is also what revokes the old one for new logins.
 */
public final class RolePasswords {

    /** invalid_password and invalid_authorization_specification: the server refused the credential. */
    private static final Set<String> REFUSED = Set.of("28P01", "28000");
    private static final int LOGIN_TIMEOUT_SECONDS = 5;

    private final DataSource admin;
    private final PostgresEndpoint endpoint;

    RolePasswords(DataSource admin, PostgresEndpoint endpoint) {
        this.admin = admin;
        this.endpoint = endpoint;
    }

    /** Makes {@code password} the role's only password; sessions already open stay open. */
    public void set(Slug slug, Secret password) throws ResourceException {
        SqlIdentifier role = PostgresSchemaDriver.nameOf(slug);
        char[] chars = password.reveal().toCharArray();
        try (Connection c = admin.getConnection()) {
            if (TenantCatalog.role(c, role.name()).isEmpty()) {
                throw new ResourceException("postgres: role " + role + " does not exist in " + endpoint);
            }
            c.unwrap(PGConnection.class).alterUserPassword(role.name(), chars, "scram-sha-256");
        } catch (SQLException e) {
            throw new ResourceException("postgres: could not set the password of role " + role + ": "
                    + e.getSQLState(), e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * Ends every open session of the tenant's role (pg_terminate_backend; the admin role needs
     * pg_signal_backend). A password change refuses new logins with the old password but leaves sessions
     * opened with it be; ending them is what makes the old password grant nothing. Clients reconnect with the
     * recorded password. Returns how many were ended.
     */
    public int endSessions(Slug slug) throws ResourceException {
        SqlIdentifier role = PostgresSchemaDriver.nameOf(slug);
        try (Connection c = admin.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity"
                        + " where usename = ? and pid <> pg_backend_pid()")) {
            ps.setString(1, role.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new ResourceException("postgres: could not end the open sessions of role " + role + " ("
                    + e.getSQLState() + "; the admin role needs pg_signal_backend): " + e.getMessage(), e);
        }
    }

    /** Logs in as the tenant's role with {@code password} and asks who it is. */
    public CredentialProbe login(Slug slug, Secret password) {
        SqlIdentifier role = PostgresSchemaDriver.nameOf(slug);
        PGSimpleDataSource tenant = new PGSimpleDataSource();
        tenant.setURL(endpoint.jdbcUrl());
        tenant.setUser(role.name());
        tenant.setPassword(password.reveal());
        tenant.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        tenant.setConnectTimeout(LOGIN_TIMEOUT_SECONDS);
        tenant.setSocketTimeout(LOGIN_TIMEOUT_SECONDS * 2);
        tenant.setApplicationName("tenantctl-rotate-probe");
        try (Connection c = tenant.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_user")) {
            rs.next();
            return new CredentialProbe.Accepted("logged in to " + endpoint + " as " + rs.getString(1));
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state != null && REFUSED.contains(state)) {
                return new CredentialProbe.Refused("login as " + role.name() + " refused (SQLSTATE " + state + ")");
            }
            return new CredentialProbe.Unreachable("login as " + role.name() + " failed (SQLSTATE " + state + ")");
        }
    }
}
