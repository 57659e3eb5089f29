package io.tenantprovisioning.resource;

/** Why a resource's tags are rewritten in place, which decides whose resource may be rewritten. */
public enum TagRewrite {
    /** A serving tenant's tier or cost center changed: only a resource carrying this registry's marker. */
    RETAG(false, true),
    /**
     * {@code tenantctl claim}: also a resource from before registry markers (tenantctl's tags, no registry
     * named), once the tenant's journal has vouched that this registry created it.
     */
    CLAIM(true, true),
    /** A claim's checks on every part of the resource, writing nothing (claim is all kinds or none). */
    CLAIM_CHECK(true, false);

    private final boolean takesPreRegistry;
    private final boolean writes;

    TagRewrite(boolean takesPreRegistry, boolean writes) {
        this.takesPreRegistry = takesPreRegistry;
        this.writes = writes;
    }

    /** Whether a resource with tenantctl's tags from before registry markers may be rewritten. */
    public boolean takesPreRegistry() {
        return takesPreRegistry;
    }

    /** Whether the tags are written once the checks pass. */
    public boolean writes() {
        return writes;
    }
}
