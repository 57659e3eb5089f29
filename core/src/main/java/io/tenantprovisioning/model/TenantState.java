package io.tenantprovisioning.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's lifecycle state (ARCHITECTURE.md, "Lifecycle"). {@link #next()} is the one place that
 * says which moves are legal; everything else asks {@link #canMoveTo}.
 */
public enum TenantState {
    REQUESTED, PENDING_APPROVAL, APPROVED, REJECTED, PROVISIONING, CONFIGURING, VALIDATING, ACTIVE, DEGRADED,
    ROLLING_BACK, ROLLED_BACK, ROLLBACK_FAILED, OFFBOARDING, OFFBOARDED;

    /** The states this one may move to. */
    public Set<TenantState> next() {
        return switch (this) {
            case REQUESTED -> Set.of(PENDING_APPROVAL, APPROVED, REJECTED);
            case PENDING_APPROVAL -> Set.of(APPROVED, REJECTED);
            // back to approval when the saved plan to apply is not the approved one (nothing was applied)
            case APPROVED -> Set.of(PROVISIONING, PENDING_APPROVAL);
            case PROVISIONING -> Set.of(CONFIGURING, ROLLING_BACK, PENDING_APPROVAL);
            case CONFIGURING -> Set.of(VALIDATING, ROLLING_BACK);
            case VALIDATING -> Set.of(ACTIVE, ROLLING_BACK);
            case ACTIVE -> Set.of(DEGRADED, OFFBOARDING);
            case DEGRADED -> Set.of(ACTIVE, OFFBOARDING);
            case ROLLING_BACK -> Set.of(ROLLED_BACK, ROLLBACK_FAILED);
            // a failed rollback is retried (`tenantctl rollback`) until the sweep finds nothing
            case ROLLBACK_FAILED -> Set.of(ROLLING_BACK);
            case OFFBOARDING -> Set.of(OFFBOARDED);
            case REJECTED, ROLLED_BACK, OFFBOARDED -> Set.of();
        };
    }

    public boolean canMoveTo(TenantState target) {
        return next().contains(target);
    }

    /** Throws {@link IllegalTransitionException} naming both states unless the move is legal. */
    public void requireMoveTo(TenantState target) {
        if (!canMoveTo(target)) {
            throw new IllegalTransitionException(this, target);
        }
    }

    /** No state follows: the slug is free for a new tenant. */
    public boolean finished() {
        return next().isEmpty();
    }

    /** Parses a state name case-insensitively (dashes allowed for underscores); empty when unknown. */
    public static Optional<TenantState> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
    }
}
