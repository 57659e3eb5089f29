package io.tenantprovisioning.application;

import java.util.List;

/**
 * What {@code tenantctl claim} found on each service for one tenant, and what it did.
 *
 * @param applied whether markers were written (false: a dry run, or refused)
 */
public record ClaimResult(String tenant, boolean applied, List<Item> items) {

    public ClaimResult {
        items = List.copyOf(items);
    }

    /** Where one kind's resource stands. */
    public enum Standing {
        /** Carries tenantctl's tags from before registry markers and the journal vouches for it (dry run). */
        CLAIMABLE,
        /** Was claimable and now carries this registry's marker. */
        CLAIMED,
        /** Already carries this registry's marker: nothing to do. */
        ALREADY_OURS,
        /** The service has no resource of this kind for the tenant. */
        ABSENT,
        /** Cannot be claimed (see the detail); nothing of the tenant was stamped. */
        REFUSED
    }

    /**
     * One kind's resource.
     *
     * @param journalIdentifier what the registry journalled when it created the kind, null when nothing
     */
    public record Item(String kind, String name, String identifier, String journalIdentifier, Standing standing,
                       String detail) {
    }

    /** Some resource could not be claimed, so none was. */
    public boolean refused() {
        return items.stream().anyMatch(i -> i.standing() == Standing.REFUSED);
    }

    /** How many resources still need (or needed) a marker. */
    public long claimable() {
        return items.stream().filter(i -> i.standing() == Standing.CLAIMABLE || i.standing() == Standing.CLAIMED)
                .count();
    }
}
