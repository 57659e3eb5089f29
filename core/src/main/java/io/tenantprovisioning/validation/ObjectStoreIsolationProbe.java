package io.tenantprovisioning.validation;

import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.objectstore.ObjectKey;
import io.tenantprovisioning.resource.objectstore.ObjectStoreBackend;
import io.tenantprovisioning.resource.objectstore.ObjectStoreException;
import io.tenantprovisioning.resource.objectstore.TenantObjectClient;
import io.tenantprovisioning.resource.objectstore.TenantObjectCredentials;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Tenant A's own key on tenant B's bucket: GetObject, PutObject, ListObjects and DeleteObject must
 * each be refused as AccessDenied; any other outcome is a violation. B plants the object A tries to
 * read and delete, with B's own key, and removes it afterwards. Nothing here uses admin credentials: the probe sees what tenants see.
 */
public final class ObjectStoreIsolationProbe implements IsolationProbe {

    /** One attempted operation with the intruder's client. */
    @FunctionalInterface
    private interface Attempt {
        void run(TenantObjectClient intruder) throws ObjectStoreException;
    }

    /** Every probe key starts with this, so listings stay small however big the bucket is. */
    private static final String PREFIX = "tenantctl-isolation-";

    private final ObjectStoreBackend backend;
    private final SecureRandom random = new SecureRandom();

    public ObjectStoreIsolationProbe(ObjectStoreBackend backend) {
        this.backend = backend;
    }

    @Override
    public String backend() {
        return "object-store";
    }

    /**
     * @throws IllegalStateException when the probe cannot prove anything: a tenant's own key does not
     *                               work on its own bucket, or both tenants share a bucket
     */
    @Override
    public List<String> violations(TenantAccess self, TenantAccess other) {
        TenantObjectCredentials mine = TenantObjectCredentials.from(self);
        TenantObjectCredentials theirs = TenantObjectCredentials.from(other);
        if (mine.bucket().equals(theirs.bucket())) {
            throw new IllegalStateException("tenants " + self.slug() + " and " + other.slug() + " share bucket "
                    + mine.bucket() + ": nothing to isolate");
        }
        String token = HexFormat.of().formatHex(randomBytes());
        // No '/' in the keys: see S3BackendTest (moto mis-signs '/' in a list prefix).
        ObjectKey bait = ObjectKey.of(PREFIX + "bait-" + token);
        ObjectKey intrusion = ObjectKey.of(PREFIX + "intrusion-" + token);
        try (TenantObjectClient own = backend.tenantClient(self);
             TenantObjectClient owner = backend.tenantClient(other);
             TenantObjectClient intruder = backend.tenantClient(mine.onBucket(theirs.bucket()))) {
            requireWorking(own, self);
            plant(owner, bait, other);
            try {
                return attemptAll(self, other, intruder, bait, intrusion);
            } finally {
                deleteQuietly(owner, bait);
                deleteQuietly(owner, intrusion);
            }
        }
    }

    /**
     * The owner's object makes a successful GetObject or DeleteObject unambiguous. If even the owner's
     * key is refused (its own bucket is broken), the attempts still run: an intruder that is not refused
     * then gets NoSuchKey, which counts as a violation all the same.
     */
    private static void plant(TenantObjectClient owner, ObjectKey bait, TenantAccess other) {
        try {
            owner.put(bait, ("planted by " + other.slug()).getBytes(StandardCharsets.UTF_8));
        } catch (ObjectStoreException ownerRefused) {
            // reported by check 6 for that tenant; the isolation verdict does not depend on it
        }
    }

    private static void deleteQuietly(TenantObjectClient owner, ObjectKey key) {
        try {
            owner.delete(key);
        } catch (ObjectStoreException leftover) {
            // the bucket's destroy removes what the owner could not
        }
    }

    private List<String> attemptAll(TenantAccess self, TenantAccess other, TenantObjectClient intruder,
                                    ObjectKey bait, ObjectKey intrusion) {
        List<String> violations = new ArrayList<>();
        String who = "tenant " + self.slug() + "'s key on tenant " + other.slug() + "'s bucket " + intruder.bucket();
        attempt(violations, who, "GetObject", intruder, c -> c.get(bait));
        attempt(violations, who, "PutObject", intruder, c -> c.put(intrusion, new byte[] {'x'}));
        attempt(violations, who, "ListObjects", intruder, c -> c.list(PREFIX));
        attempt(violations, who, "DeleteObject", intruder, c -> c.delete(bait));
        return violations;
    }

    private static void attempt(List<String> violations, String who, String operation, TenantObjectClient intruder,
                                Attempt attempt) {
        try {
            attempt.run(intruder);
            violations.add(who + ": " + operation + " succeeded (must be AccessDenied)");
        } catch (ObjectStoreException e) {
            if (!e.accessDenied()) {
                violations.add(who + ": " + operation + " was not refused as AccessDenied but failed otherwise: "
                        + e.getMessage());
            }
        }
    }

    /** A refusal proves isolation only if the same key works where it should. */
    private static void requireWorking(TenantObjectClient own, TenantAccess self) {
        try {
            own.list(PREFIX);
        } catch (ObjectStoreException e) {
            throw new IllegalStateException("cannot prove object-store isolation: tenant " + self.slug()
                    + "'s own key does not work on its own bucket: " + e.getMessage(), e);
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }
}
