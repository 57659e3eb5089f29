package io.tenantprovisioning.engine.terraform;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Another process holds the state lock, so the command did nothing. The runner never breaks the lock:
 * it names the holder and says what a person may run once they are sure the holder is gone.
 *
 * <p>Backends that store lock metadata (s3 with a lock table or lock file, consul, …) print the
 * holder's ID, Who, Operation and Created, and support {@code force-unlock <ID>}. The {@code pg}
 * backend stores nothing: its "Lock Info" is the refused process's own, so for pg the holder is
 * read from PostgreSQL ({@link #holders()}) and force-unlock is unsupported (the lock is a session
 * advisory lock and vanishes when the holder's connection ends).
 */
public final class StateLockedException extends TerraformException {

    private static final long serialVersionUID = 1L;

    private final transient LockInfo lockInfo;
    private final String backendType;
    private final transient List<LockHolder> holders;
    private final String forceUnlockCommand;

    public StateLockedException(String workspace, LockInfo lockInfo, String backendType, List<LockHolder> holders,
                                String forceUnlockCommand, List<Diagnostic> diagnostics, String stderr) {
        super(TerraformErrorCode.STATE_LOCKED,
                explain(workspace, lockInfo, backendType, holders, forceUnlockCommand), diagnostics, stderr);
        this.lockInfo = lockInfo;
        this.backendType = backendType;
        this.holders = List.copyOf(holders);
        this.forceUnlockCommand = forceUnlockCommand;
    }

    /** The lock info the backend printed (for pg: the refused process's own request, see class doc). */
    public LockInfo lockInfo() {
        return lockInfo;
    }

    public String backendType() {
        return backendType;
    }

    /** Sessions holding the lock, as the backend's own database reports them (pg only; else empty). */
    public List<LockHolder> holders() {
        return holders;
    }

    /** Who holds the lock, in words: the pg sessions, or the backend's recorded Who/Operation/Created. */
    public String holder() {
        return describeHolder(lockInfo, backendType, holders);
    }

    /** The exact command a person may run once sure the holder is dead; empty where unsupported (pg). */
    public Optional<String> forceUnlockCommand() {
        return Optional.ofNullable(forceUnlockCommand);
    }

    private static String explain(String workspace, LockInfo info, String backendType, List<LockHolder> holders,
                                  String forceUnlock) {
        StringBuilder sb = new StringBuilder("the state of workspace ").append(workspace)
                .append(" is locked by another process (").append(backendType).append(" backend");
        if (!info.reason().isEmpty()) {
            sb.append(": ").append(info.reason());
        }
        sb.append("); holder: ").append(describeHolder(info, backendType, holders)).append(". ");
        if (forceUnlock != null) {
            sb.append("Wait for it to finish; only if it is certainly dead, run: ").append(forceUnlock);
        } else if (isPg(backendType)) {
            sb.append("The pg backend holds the lock as a PostgreSQL session advisory lock: it is released when "
                    + "the holder's connection ends, and force-unlock is not supported. Wait for the holder to finish");
            if (!holders.isEmpty()) {
                sb.append("; only if its process is certainly dead, end the session: ").append(holders.stream()
                        .map(h -> "SELECT pg_terminate_backend(" + h.pid() + ");").collect(Collectors.joining(" ")));
            }
        } else {
            sb.append("Wait for it to finish.");
        }
        return sb.toString();
    }

    private static String describeHolder(LockInfo info, String backendType, List<LockHolder> holders) {
        if (isPg(backendType)) {
            return holders.isEmpty() ? "unknown (no PostgreSQL session holds it any more; retry)"
                    : holders.stream().map(LockHolder::describe).collect(Collectors.joining("; "));
        }
        return info.who() + ", running " + info.operation() + " since " + info.created()
                + " (lock ID " + info.id() + ")";
    }

    private static boolean isPg(String backendType) {
        return "pg".equals(backendType);
    }
}
