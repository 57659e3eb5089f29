package io.tenantprovisioning.application;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.JournalStatus;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Where rotated credentials are recorded: the vault, and for a key id the journal's attributes. Several
 * writes that belong together go in one registry transaction, so a crash never records half a credential.
 */
final class RotationRecords {

    private final PlatformServices services;
    private final Registry registry;

    RotationRecords(PlatformServices services) {
        this.services = services;
        this.registry = services.registry();
    }

    SecretVault vault() {
        return services.vault();
    }

    Optional<Secret> secret(Slug slug, String name) {
        return services.vault().get(slug, name);
    }

    /** The value of {@code name} is required: its absence means the kind was never provisioned. */
    Secret requireSecret(Slug slug, String name) {
        return secret(slug, name).orElseThrow(() -> new IllegalStateException("tenant '" + slug + "' has no "
                + name + " in the vault; nothing to rotate"));
    }

    /** Runs {@code writes} on the vault and the journal of one transaction. */
    void inOneTransaction(BiConsumer<SecretVault, JournalWriter> writes) {
        registry.inTransaction(tx -> {
            writes.accept(services.vaultIn(tx), new JournalWriter(tx));
            return null;
        });
    }

    /** The attributes the tenant's CREATED journal entry of {@code kind} recorded. */
    Map<String, String> attributes(Slug slug, ResourceKind kind) {
        return createdEntry(registry, slug, kind).map(JournalEntry::attributes).orElse(Map.of());
    }

    static Optional<JournalEntry> createdEntry(Registry registry, Slug slug, ResourceKind kind) {
        TenantRecord tenant = registry.tenants().require(slug);
        return registry.journal().entries(tenant.id()).stream()
                .filter(e -> e.kind() == kind && e.status() == JournalStatus.CREATED)
                .reduce((first, second) -> second);
    }

    /** Updates attributes of a CREATED journal entry inside the transaction. */
    static final class JournalWriter {
        private final Registry tx;

        JournalWriter(Registry tx) {
            this.tx = tx;
        }

        void putAttribute(Slug slug, ResourceKind kind, String name, String value) {
            JournalEntry entry = createdEntry(tx, slug, kind).orElseThrow(() -> new IllegalStateException(
                    "tenant '" + slug + "' has no created " + kind.stepName() + " in the journal"));
            Map<String, String> attributes = new HashMap<>(entry.attributes());
            attributes.put(name, value);
            tx.journal().markCreated(entry.id(), entry.identifier(), entry.tags(), attributes);
        }
    }
}
