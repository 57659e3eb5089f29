package io.tenantprovisioning.faults;

/**
 * A fault spec, point or effect that does not parse. The message quotes the offending text and lists
 * what would be valid: a mistyped point must never silently arm nothing.
 */
public final class InvalidFaultSpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidFaultSpecException(String message) {
        super(message);
    }
}
