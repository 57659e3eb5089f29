package io.tenantprovisioning.validation;

import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.objectstore.ObjectKey;
import io.tenantprovisioning.resource.objectstore.ObjectStoreBackend;
import io.tenantprovisioning.resource.objectstore.ObjectStoreException;
import io.tenantprovisioning.resource.objectstore.TenantObjectClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Check 6: with the tenant's own credentials, put a probe object into its bucket, read it back,
 * find it in a listing and delete it. Non-critical: a failure is a Warning naming the operation.
 */
public final class ObjectStoragePermissionsCheck implements ValidationCheck {

    public static final String ID = "object-storage-permissions";
    private static final int OPERATIONS = 4;

    private final ObjectStoreBackend backend;
    private final SecureRandom random = new SecureRandom();

    public ObjectStoragePermissionsCheck(ObjectStoreBackend backend) {
        this.backend = backend;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Object storage permissions";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public CheckOutcome run(TenantAccess tenant) {
        TenantObjectClient client;
        try {
            client = backend.tenantClient(tenant);
        } catch (IllegalStateException | IllegalArgumentException noCredentials) {
            return new CheckOutcome.Warning(noCredentials.getMessage(), null);
        }
        try (client) {
            return exercise(client);
        }
    }

    private CheckOutcome exercise(TenantObjectClient client) {
        // No '/' in the key: see S3BackendTest (moto mis-signs '/' in a list prefix).
        ObjectKey key = ObjectKey.of("tenantctl-probe-permissions-" + HexFormat.of().formatHex(randomBytes(8)));
        byte[] content = ("tenantctl permission probe " + key).getBytes(StandardCharsets.UTF_8);
        String step = "put";
        int done = 0;
        try {
            client.put(key, content);
            done++;
            step = "get";
            if (!Arrays.equals(client.get(key), content)) {
                return warning("get returned other bytes than were put to " + where(client, key), done);
            }
            done++;
            step = "list";
            List<String> listed = client.list(key.value());
            if (!listed.contains(key.value())) {
                return warning("list of " + client.bucket() + " does not show the object just put (" + key + ")", done);
            }
            done++;
            step = "delete";
            client.delete(key);
            done++;
            return new CheckOutcome.Passed("put, get, list and delete work with the tenant's own key on bucket "
                    + client.bucket(), done + "/" + OPERATIONS + " operations");
        } catch (ObjectStoreException e) {
            return warning(step + " failed with the tenant's own key: " + e.getMessage()
                    + hint(e), done);
        } finally {
            if (done >= 1 && done < OPERATIONS) {
                deleteQuietly(client, key);
            }
        }
    }

    private static String hint(ObjectStoreException e) {
        return e.accessDenied()
                ? "; the tenant's permission on its bucket is missing or revoked (IAM user policy / bucket credential)"
                : "";
    }

    private static CheckOutcome warning(String message, int done) {
        return new CheckOutcome.Warning(message, done + "/" + OPERATIONS + " operations");
    }

    private static String where(TenantObjectClient client, ObjectKey key) {
        return client.bucket() + "/" + key;
    }

    private static void deleteQuietly(TenantObjectClient client, ObjectKey key) {
        try {
            client.delete(key);
        } catch (ObjectStoreException alreadyReported) {
            // the outcome already says what failed; the bucket's destroy removes any leftover
        }
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
