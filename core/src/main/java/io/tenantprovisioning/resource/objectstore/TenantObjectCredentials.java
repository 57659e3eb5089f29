package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.resource.TenantAccess;
import java.util.Map;

/**
 * A tenant's own key to its own bucket, as recorded when the bucket was created and handed to
 * validation through {@link TenantAccess}. {@link #toString()} never shows the secret.
 */
public record TenantObjectCredentials(String backend, String bucket, String accessKeyId, Secret secretAccessKey) {

    public static final String BACKEND = "object-store.backend";
    public static final String BUCKET = "object-store.bucket";
    public static final String ACCESS_KEY_ID = "object-store.accessKeyId";
    public static final String SECRET_ACCESS_KEY = "object-store.secretAccessKey";

    /** Reads the credentials from a tenant's merged attributes and secrets; the message names what is missing. */
    public static TenantObjectCredentials from(TenantAccess tenant) {
        return new TenantObjectCredentials(
                required(tenant, BACKEND),
                required(tenant, BUCKET),
                required(tenant, ACCESS_KEY_ID),
                tenant.secret(SECRET_ACCESS_KEY).orElseThrow(() -> missing(tenant, SECRET_ACCESS_KEY)));
    }

    private static String required(TenantAccess tenant, String key) {
        return tenant.attribute(key).orElseThrow(() -> missing(tenant, key));
    }

    private static IllegalStateException missing(TenantAccess tenant, String key) {
        return new IllegalStateException("tenant " + tenant.slug() + " has no " + key
                + " recorded: its object store was not created, or its credentials were not stored");
    }

    /** The same credentials aimed at another bucket: how the isolation probe tries a neighbour's bucket. */
    public TenantObjectCredentials onBucket(String otherBucket) {
        return new TenantObjectCredentials(backend, otherBucket, accessKeyId, secretAccessKey);
    }

    /** The non-secret half, for {@code CreatedResource.attributes()}. */
    public Map<String, String> attributes() {
        return Map.of(BACKEND, backend, BUCKET, bucket, ACCESS_KEY_ID, accessKeyId);
    }

    /** The secret half, for {@code CreatedResource.secrets()}. */
    public Map<String, Secret> secrets() {
        return Map.of(SECRET_ACCESS_KEY, secretAccessKey);
    }
}
