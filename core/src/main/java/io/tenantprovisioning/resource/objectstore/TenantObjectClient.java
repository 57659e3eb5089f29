package io.tenantprovisioning.resource.objectstore;

import java.util.List;

/**
 * Object operations on one bucket with one tenant's own credentials and nothing else: what the
 * permission check and the isolation probe use to see the bucket as the tenant does.
 */
public interface TenantObjectClient extends AutoCloseable {

    /** The bucket this client talks to. */
    String bucket();

    void put(ObjectKey key, byte[] content) throws ObjectStoreException;

    byte[] get(ObjectKey key) throws ObjectStoreException;

    /** Keys under a prefix ("" for all), sorted. */
    List<String> list(String prefix) throws ObjectStoreException;

    /** Deletes the object; deleting a missing object succeeds, as on S3. */
    void delete(ObjectKey key) throws ObjectStoreException;

    /**
     * Tries a bucket-level call on this bucket in its harmless form (see {@link BucketAdministration}).
     * Returns normally, or throws a non-ACCESS_DENIED exception, when the call was authorized.
     *
     * @throws ObjectStoreException ACCESS_DENIED when the credentials may not make the call
     */
    void attempt(BucketAdministration call) throws ObjectStoreException;

    @Override
    void close();
}
