package io.tenantprovisioning.registry;

import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.RegistryException;
import io.tenantprovisioning.request.Slug;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * One run per tenant: a session-level PostgreSQL advisory lock keyed on the slug, held on a
 * connection of its own for the whole run and released by {@link #close()} (or by the database
 * when the process dies). Who holds it is written to run_holders so a refused run can say so.
 */
public final class RunLock implements AutoCloseable {

    // first half of the two-int advisory key: keeps tenant run locks apart from every other lock
    private static final int LOCK_CLASS = 0x746e7472;
    // how often a waiting run asks again; a session lock has no wake-up, and a blocking
    // pg_advisory_lock could not be given up when the waiting thread is interrupted
    private static final Duration POLL = Duration.ofMillis(200);

    private final Connection connection;
    private final Slug slug;
    private final String runId;

    private RunLock(Connection connection, Slug slug, String runId) {
        this.connection = connection;
        this.slug = slug;
        this.runId = runId;
    }

    /** Takes the tenant's run lock at once or throws {@link RunInProgressException} naming its holder. */
    public static RunLock acquire(Registry registry, Slug slug, String runId) {
        return acquire(registry, slug, runId, Duration.ZERO, holder -> { });
    }

    /**
     * Takes the tenant's run lock, waiting up to {@code wait} while another run holds it (polling, so a
     * holder that dies frees it at once); {@code waiting} hears the holder once when the wait begins.
     * Throws {@link RunInProgressException} naming the holder when the wait ends or is interrupted.
     */
    public static RunLock acquire(Registry registry, Slug slug, String runId, Duration wait, Consumer<String> waiting) {
        Connection connection = registry.database().dedicatedConnection();
        try {
            if (!tryLock(connection, slug) && !waitFor(connection, slug, wait, waiting)) {
                String holder = holderOf(connection, slug);
                connection.close();
                throw new RunInProgressException(slug.value(), holder);
            }
            record(connection, slug, runId);
            return new RunLock(connection, slug, runId);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new RegistryException("cannot take the run lock of tenant '" + slug + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    public Slug slug() {
        return slug;
    }

    public String runId() {
        return runId;
    }

    /** Forgets the holder and releases the lock; closing the connection releases it in any case. */
    @Override
    public void close() {
        try (connection) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM run_holders WHERE slug = ? AND run_id = ?")) {
                ps.setString(1, slug.value());
                ps.setString(2, runId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
                ps.setInt(1, LOCK_CLASS);
                ps.setString(2, slug.value());
                ps.execute();
            }
        } catch (SQLException e) {
            throw new RegistryException("could not release the run lock of tenant '" + slug
                    + "' cleanly (the closed connection released it): " + e.getMessage(), e);
        }
    }

    /** Polls until the lock is ours (true) or the wait is over or interrupted (false, flag kept). */
    private static boolean waitFor(Connection connection, Slug slug, Duration wait, Consumer<String> waiting)
            throws SQLException {
        if (wait.isZero() || wait.isNegative()) {
            return false;
        }
        waiting.accept(holderOf(connection, slug));
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (tryLock(connection, slug)) {
                return true;
            }
        }
        return false;
    }

    private static boolean tryLock(Connection connection, Slug slug) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setString(2, slug.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void record(Connection connection, Slug slug, String runId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO run_holders (slug, run_id, holder, "
                + "started_at) VALUES (?, ?, ?, ?) ON CONFLICT (slug) DO UPDATE SET run_id = EXCLUDED.run_id, "
                + "holder = EXCLUDED.holder, started_at = EXCLUDED.started_at")) {
            ps.setString(1, slug.value());
            ps.setString(2, runId);
            ps.setString(3, "pid " + ProcessHandle.current().pid() + " on " + hostName()
                    + ", thread " + Thread.currentThread().getName());
            ps.setObject(4, OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    private static String holderOf(Connection connection, Slug slug) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT run_id, holder, started_at FROM run_holders WHERE slug = ?")) {
            ps.setString(1, slug.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "a run that has not recorded itself yet";
                }
                return "run " + rs.getString("run_id") + ", " + rs.getString("holder") + ", started "
                        + rs.getObject("started_at", OffsetDateTime.class).toInstant();
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "an unknown host";
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
