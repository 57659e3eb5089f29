package io.tenantprovisioning.resource.objectstore;

/**
 * A tenant-scoped object operation did not succeed. The {@link Code} tells refused from missing
 * from broken; the message names the operation, bucket and key, never a secret.
 */
public final class ObjectStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the operation did not succeed. */
    public enum Code {
        /** The credentials were refused for this bucket (S3 403 AccessDenied, or the filesystem sidecar did not match). */
        ACCESS_DENIED,
        /** The bucket or the object does not exist. */
        NOT_FOUND,
        /** Anything else: the service failed, the disk failed, the answer made no sense. */
        FAILED
    }

    private final Code code;

    public ObjectStoreException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public ObjectStoreException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    public boolean accessDenied() {
        return code == Code.ACCESS_DENIED;
    }
}
