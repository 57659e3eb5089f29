package io.tenantprovisioning.engine.terraform;

/**
 * A database session that holds a {@code pg} backend state lock, read from {@code pg_locks} and
 * {@code pg_stat_activity}: the pg backend records no holder itself.
 *
 * @param since when the holding session connected (its backend_start)
 */
public record LockHolder(int pid, String user, String applicationName, String clientAddress, String since,
                         String sessionState) {

    /** {@code pid 4242 (tenantctl_admin@127.0.0.1, application "…", connected 2025-…, idle)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder("PostgreSQL session pid ").append(pid).append(" (")
                .append(user).append('@').append(clientAddress.isEmpty() ? "local socket" : clientAddress);
        if (!applicationName.isEmpty()) {
            sb.append(", application \"").append(applicationName).append('"');
        }
        return sb.append(", connected ").append(since).append(", ").append(sessionState).append(')').toString();
    }
}
