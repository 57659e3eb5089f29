package io.tenantprovisioning.application;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.credential.CredentialProbe;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A password rotation writes the new password to the vault as {@code <name>.pending} before the server
 * gets it, so a run cut off in between leaves something the next run can settle: the pending password
 * becomes the recorded one when the server accepts it, and is dropped when it does not.
 *
 * @param recorded the vault name of the recorded password, e.g. {@code postgres.password}
 * @param service  how the messages name the server ("the server", "Redis")
 */
record PendingPassword(String recorded, String service) {

    String name() {
        return recorded + ".pending";
    }

    /** Settles what an interrupted rotation left; empty when it left nothing. */
    Optional<String> recover(Slug slug, RotationRecords records, BiFunction<Slug, Secret, CredentialProbe> login) {
        Optional<Secret> pending = records.secret(slug, name());
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        if (login.apply(slug, pending.get()).accepted()) {
            promote(slug, records, pending.get());
            return Optional.of("an interrupted rotation left a pending password " + service + " accepts: recorded it");
        }
        records.vault().delete(slug, name());
        return Optional.of("an interrupted rotation left a pending password " + service + " refuses: dropped it");
    }

    /**
     * Writes {@code next} as pending, then hands it to the server; when the server refuses it, the pending
     * copy goes again (the server kept the old password).
     */
    void stage(Slug slug, RotationRecords records, Secret next, ServerChange change) throws ResourceException {
        records.vault().put(slug, name(), next);
        try {
            change.apply(slug, next);
        } catch (ResourceException e) {
            records.vault().delete(slug, name());
            throw e;
        }
    }

    /** The pending password becomes the recorded one, in one transaction. */
    void promote(Slug slug, RotationRecords records, Secret next) {
        records.inOneTransaction((vault, journal) -> {
            vault.put(slug, recorded, next);
            vault.delete(slug, name());
        });
    }

    /** Gives the server a new password (set it, or add it beside the old one). */
    @FunctionalInterface
    interface ServerChange {
        void apply(Slug slug, Secret password) throws ResourceException;
    }
}
