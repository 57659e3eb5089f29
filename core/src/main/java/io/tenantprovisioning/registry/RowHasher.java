package io.tenantprovisioning.registry;

import io.tenantprovisioning.config.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;

/** Computes the hash an audit row must carry, by the row's {@link ChainHash}. */
final class RowHasher {

    private final Optional<AuditKey> key;

    RowHasher(Optional<AuditKey> key) {
        this.key = key;
    }

    /** Whether this hasher can compute (and so check) hashes of this kind: keyed ones need the key. */
    boolean canHash(ChainHash alg) {
        return !alg.keyed() || key.isPresent();
    }

    /** @throws ConfigurationException for a keyed row when there is no key */
    String hash(AuditRecord row) {
        String canonical = canonical(row);
        return switch (row.hashAlg()) {
            case SHA256 -> sha256(canonical);
            case HMAC_SHA256 -> requireKey().mac(canonical);
        };
    }

    AuditKey requireKey() {
        return key.orElseThrow(() -> new ConfigurationException("AUDIT_HMAC_KEY is not set: every new audit row "
                + "is keyed with it (HMAC-SHA256), so tenantctl cannot append to the audit log without it; set it "
                + "in the environment or config file (scripts/services.sh up writes one for the local services)"));
    }

    /** The previous hash and an unambiguous encoding of every column but the hash and its algorithm. */
    private static String canonical(AuditRecord row) {
        StringBuilder canonical = new StringBuilder(row.prevHash()).append('|');
        for (String field : new String[] {Long.toString(row.id()), DateTimeFormatter.ISO_INSTANT.format(row.at()),
                row.actor(), row.tenantSlug(), row.action(), row.fromState(), row.toState(), row.reason()}) {
            // length-prefixed, so no choice of field text can imitate another split of the fields
            canonical.append(field == null ? "-" : field.length() + ":" + field).append(',');
        }
        return canonical.toString();
    }

    private static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
