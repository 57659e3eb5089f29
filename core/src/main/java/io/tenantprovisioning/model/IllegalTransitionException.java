package io.tenantprovisioning.model;

import io.tenantprovisioning.model.TenantState;
import java.util.stream.Collectors;

/** A lifecycle move that {@link TenantState} does not allow; nothing was changed. */
public final class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final TenantState from;
    private final TenantState to;

    public IllegalTransitionException(TenantState from, TenantState to) {
        super("illegal transition " + from + " → " + to + ": from " + from + " a tenant may only move to "
                + (from.next().isEmpty() ? "nothing (it is finished)"
                        : from.next().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
        this.from = from;
        this.to = to;
    }

    public TenantState from() {
        return from;
    }

    public TenantState to() {
        return to;
    }
}
