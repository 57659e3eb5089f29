package io.tenantprovisioning.resource;

/** A driver could not do its work; the message names the resource and the service's answer (no secrets). */
public class ResourceException extends Exception {

    private static final long serialVersionUID = 1L;

    public ResourceException(String message) {
        super(message);
    }

    public ResourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
