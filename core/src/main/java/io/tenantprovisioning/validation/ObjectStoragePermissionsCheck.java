package io.tenantprovisioning.validation;

import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.objectstore.BucketAdministration;
import io.tenantprovisioning.resource.objectstore.ObjectKey;
import io.tenantprovisioning.resource.objectstore.ObjectStoreBackend;
import io.tenantprovisioning.resource.objectstore.ObjectStoreException;
import io.tenantprovisioning.resource.objectstore.TenantObjectClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Check 6: with the tenant's own credentials, put a probe object into its bucket, read it back,
 * find it in a listing and delete it; while the object is there, try the bucket-level calls
 * ({@link BucketAdministration}: policy, public access block, tags, deletion), each of which must be
 * refused as AccessDenied. Non-critical: a failure is a Warning naming the operation.
 */
public final class ObjectStoragePermissionsCheck implements ValidationCheck {

    public static final String ID = "object-storage-permissions";
    private static final int OPERATIONS = 4;
    private static final List<BucketAdministration> BUCKET_CALLS = List.of(BucketAdministration.values());

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
            // while the probe object is in the bucket, so an authorized DeleteBucket finds it not empty
            List<String> allowed = bucketLevelCallsAllowed(client);
            step = "delete";
            client.delete(key);
            done++;
            return verdict(client.bucket(), allowed);
        } catch (ObjectStoreException e) {
            return warning(step + " failed with the tenant's own key: " + e.getMessage()
                    + hint(e), done);
        } finally {
            if (done >= 1 && done < OPERATIONS) {
                deleteQuietly(client, key);
            }
        }
    }

    /** All four object operations worked; passed only if every bucket-level call was refused too. */
    private static CheckOutcome verdict(String bucket, List<String> allowedBucketCalls) {
        String figure = OPERATIONS + "/" + OPERATIONS + " operations, " + (BUCKET_CALLS.size()
                - allowedBucketCalls.size()) + "/" + BUCKET_CALLS.size() + " bucket-level calls refused";
        if (!allowedBucketCalls.isEmpty()) {
            return new CheckOutcome.Warning("the tenant's own key is not refused bucket-level calls on bucket "
                    + bucket + ": " + String.join("; ", allowedBucketCalls) + "; its IAM policy must allow object"
                    + " actions only (ListBucket, Get/Put/DeleteObject)", figure);
        }
        return new CheckOutcome.Passed("put, get, list and delete work with the tenant's own key on bucket " + bucket
                + "; " + BUCKET_CALLS.stream().map(BucketAdministration::operation).collect(Collectors.joining(", "))
                + " are refused", figure);
    }

    /** The bucket-level calls S3 did not refuse, each with what it answered instead. */
    private static List<String> bucketLevelCallsAllowed(TenantObjectClient client) {
        List<String> allowed = new ArrayList<>();
        for (BucketAdministration call : BUCKET_CALLS) {
            try {
                client.attempt(call);
                allowed.add(call.operation() + " succeeded");
            } catch (ObjectStoreException e) {
                if (!e.accessDenied()) {
                    allowed.add(call.operation() + " was authorized (" + e.getMessage() + ")");
                }
            }
        }
        return allowed;
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
