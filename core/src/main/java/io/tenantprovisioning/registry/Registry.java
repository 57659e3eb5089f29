package io.tenantprovisioning.registry;

import io.tenantprovisioning.config.SecretCipher;
import io.tenantprovisioning.config.Settings;
import java.util.function.Function;

/**
 * The tenant registry: every table behind one object. Each repository call is its own
 * transaction, except inside {@link #inTransaction}, where the calls on the given registry share one.
 */
public final class Registry implements AutoCloseable {

    private final RegistryDatabase database;
    private final SqlScope scope;
    private final boolean ownsDatabase;

    private Registry(RegistryDatabase database, SqlScope scope, boolean ownsDatabase) {
        this.database = database;
        this.scope = scope;
        this.ownsDatabase = ownsDatabase;
    }

    /** A registry over an open database; closing the registry closes the database. */
    public Registry(RegistryDatabase database) {
        this(database, SqlScope.pooled(database.dataSource()), true);
    }

    /** Opens (and migrates) the registry the settings point at. */
    public static Registry open(Settings settings) {
        return new Registry(RegistryDatabase.open(settings));
    }

    /**
     * Runs the work in one transaction: everything it does through the registry it is given commits
     * together or not at all. Nested calls join the enclosing transaction.
     */
    public <T> T inTransaction(Function<Registry, T> work) {
        return scope.transaction(tx -> work.apply(new Registry(database, tx, false)));
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

    public ResourceJournal journal() {
        return new ResourceJournal(scope);
    }

    public ValidationRuns validationRuns() {
        return new ValidationRuns(scope);
    }

    public AuditLog audit() {
        return new AuditLog(scope);
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
