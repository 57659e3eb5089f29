package io.tenantprovisioning.registry;

/** The tenant was not in the state a transition started from (it changed meanwhile); nothing was changed. */
public final class StateConflictException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public StateConflictException(String message) {
        super(message);
    }
}
