package io.tenantprovisioning.application;

import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.credential.CredentialProbe;
import io.tenantprovisioning.resource.objectstore.TenantKeys;
import io.tenantprovisioning.resource.objectstore.TenantObjectCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The access key of the tenant's IAM user. IAM lets a user hold two keys, so the new key is issued beside
 * the old one, proven on the tenant's bucket, recorded (the secret in the vault and its id in the journal,
 * one transaction), and only then is the old key deleted.
 */
final class ObjectKeyRotation implements CredentialRotator<TenantObjectCredentials> {

    /**
     * Why the filesystem store's key is not rotated: it guards no service. The bucket is a folder of this
     * host; the key's hash in the bucket's sidecar is checked by tenantctl's own client in the reading process,
     * and whoever can read DATA_DIR reads the objects without it. Renewing it would change no access.
     */
    static final String FILESYSTEM_KEY = "the filesystem object store has no service credential to rotate: its "
            + "bucket is a folder under DATA_DIR, and the key (a hash in the bucket's sidecar) is checked only by "
            + "tenantctl's own client, so whoever can read the folder reads the objects without it; renewing it "
            + "would change no access. Keys are rotated on S3 (OBJECT_STORE=s3)";

    private final Optional<TenantKeys> keys;
    private final RotationRecords records;
    private final Optional<String> unsupported;

    ObjectKeyRotation(Optional<TenantKeys> keys, RotationRecords records, Optional<String> unsupported) {
        this.keys = keys;
        this.records = records;
        this.unsupported = unsupported;
    }

    @Override
    public CredentialKind kind() {
        return CredentialKind.S3;
    }

    @Override
    public Optional<String> unsupported(Slug slug) {
        if (unsupported.isPresent()) {
            return unsupported;
        }
        return keys.isPresent() ? Optional.empty() : Optional.of(FILESYSTEM_KEY);
    }

    /** A key the records do not name (an interrupted rotation issued it) is deleted: IAM allows only two. */
    @Override
    public Optional<String> recover(Slug slug) throws ResourceException {
        TenantObjectCredentials current = current(slug);
        List<String> removed = new ArrayList<>();
        for (String id : keys().keyIds(slug)) {
            if (!id.equals(current.accessKeyId())) {
                keys().revoke(slug, id);
                removed.add(id);
            }
        }
        return removed.isEmpty() ? Optional.empty() : Optional.of("deleted access key(s) " + String.join(", ", removed)
                + " that no record names (left by an interrupted rotation)");
    }

    @Override
    public TenantObjectCredentials current(Slug slug) {
        Map<String, String> attributes = records.attributes(slug, ResourceKind.OBJECT_STORE);
        String id = attributes.get(TenantObjectCredentials.ACCESS_KEY_ID);
        if (id == null) {
            throw new IllegalStateException("tenant '" + slug + "' has no object-store access key id recorded");
        }
        return new TenantObjectCredentials(attributes.get(TenantObjectCredentials.BACKEND),
                attributes.get(TenantObjectCredentials.BUCKET), id,
                records.requireSecret(slug, TenantObjectCredentials.SECRET_ACCESS_KEY));
    }

    @Override
    public TenantObjectCredentials issue(Slug slug, TenantObjectCredentials current) throws ResourceException {
        return keys().issue(slug);
    }

    @Override
    public CredentialProbe probe(Slug slug, TenantObjectCredentials credential) {
        return keys().probe(credential);
    }

    @Override
    public void record(Slug slug, TenantObjectCredentials next, TenantObjectCredentials current) {
        records.inOneTransaction((vault, journal) -> {
            vault.put(slug, TenantObjectCredentials.SECRET_ACCESS_KEY, next.secretAccessKey());
            journal.putAttribute(slug, ResourceKind.OBJECT_STORE, TenantObjectCredentials.ACCESS_KEY_ID,
                    next.accessKeyId());
        });
    }

    @Override
    public void revoke(Slug slug, TenantObjectCredentials next, TenantObjectCredentials current)
            throws ResourceException {
        keys().revoke(slug, current.accessKeyId());
    }

    @Override
    public CredentialProbe probeRevoked(Slug slug, TenantObjectCredentials old) {
        return keys().probe(old);
    }

    @Override
    public void undo(Slug slug, TenantObjectCredentials next, TenantObjectCredentials current)
            throws ResourceException {
        keys().revoke(slug, next.accessKeyId());
    }

    @Override
    public String describe(Slug slug, TenantObjectCredentials credential) {
        return "access key " + credential.accessKeyId();
    }

    private TenantKeys keys() {
        return keys.orElseThrow(() -> new IllegalStateException("this object store cannot rotate keys"));
    }
}
