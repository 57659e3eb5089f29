package io.tenantprovisioning.registry;

import io.tenantprovisioning.config.SecretCipher;
import io.tenantprovisioning.config.Settings;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tenant registry: every table behind one object. Each repository call is its own
 * transaction, except inside {@link #inTransaction}, where the calls on the given registry share one.
 */
public final class Registry implements AutoCloseable {

    private final RegistryDatabase database;
    private final SqlScope scope;
    private final boolean ownsDatabase;
    private final Optional<AuditKey> auditKey;

    private Registry(RegistryDatabase database, SqlScope scope, boolean ownsDatabase, Optional<AuditKey> auditKey) {
        this.database = database;
        this.scope = scope;
        this.ownsDatabase = ownsDatabase;
        this.auditKey = auditKey;
    }

    /**
     * A registry over an open database; closing the registry closes the database. Without an audit
     * key it can read everything but append no audit row (and so change no tenant's state).
     */
    public Registry(RegistryDatabase database, Optional<AuditKey> auditKey) {
        this(database, SqlScope.pooled(database.dataSource()), true, auditKey);
    }

    /** Opens (and migrates) the registry the settings point at, with their AUDIT_HMAC_KEY if set. */
    public static Registry open(Settings settings) {
        Optional<AuditKey> auditKey = AuditKey.fromSettings(settings);
        return new Registry(RegistryDatabase.open(settings), auditKey);
    }

    /**
     * Opens the registry for reading: without running its migrations when it already has every one this
     * build ships (see {@link RegistryDatabase#openCurrent}).
     */
    public static Registry openCurrent(Settings settings) {
        return new Registry(RegistryDatabase.openCurrent(settings), AuditKey.fromSettings(settings));
    }

    /**
     * Runs the work in one transaction: everything it does through the registry it is given commits
     * together or not at all. Nested calls join the enclosing transaction.
     */
    public <T> T inTransaction(Function<Registry, T> work) {
        return scope.transaction(tx -> work.apply(new Registry(database, tx, false, auditKey)));
    }

    public TenantRecords tenants() {
        return new TenantRecords(scope);
    }

    public RequestRecords requests() {
        return new RequestRecords(scope);
    }

    public ApprovalRecords approvals() {
        return new ApprovalRecords(scope);
    }

    /** The saved plans made for requests before approval (terraform engine). */
    public RequestPlans requestPlans() {
        return new RequestPlans(scope);
    }

    public ResourceJournal journal() {
        return new ResourceJournal(scope);
    }

    /** Every version of each tenant's configuration (tenantctl update). */
    public ConfigVersions configVersions() {
        return new ConfigVersions(scope);
    }

    public ValidationRuns validationRuns() {
        return new ValidationRuns(scope);
    }

    public AuditLog audit() {
        return new AuditLog(scope, auditKey);
    }

    /** This registry's identity: the ownership marker of every resource it creates. */
    public RegistryIdentity identity() {
        return new RegistryIdentity(scope);
    }

    /** When each tenant secret was last written, without the secrets (no cipher needed). */
    public SecretStamps secretStamps() {
        return new SecretStamps(scope);
    }

    /** The tenant secret vault, sealing with the given cipher (TENANT_SECRETS_KEY). */
    public EncryptedSecretVault secrets(SecretCipher cipher) {
        return new EncryptedSecretVault(scope, cipher);
    }

    public RegistryDatabase database() {
        return database;
    }

    @Override
    public void close() {
        if (ownsDatabase) {
            database.close();
        }
    }
}
