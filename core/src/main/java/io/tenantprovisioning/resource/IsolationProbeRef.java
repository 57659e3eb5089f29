package io.tenantprovisioning.resource;

/**
 * The isolation property a kind must prove and where validation proves it. A reference, not the probe:
 * probes run with validation's clients (canary tenants, embedder) one layer up.
 *
 * @param checkId the validation check that runs the probe ({@code cross-tenant-isolation}, ...)
 * @param probe   the probe's backend name within that check (the kind's step name)
 * @param proves  the property, in the words of the architecture's "Resources per tenant" table
 */
public record IsolationProbeRef(String checkId, String probe, String proves) {

    /** The check every cross-tenant probe of a data store runs in. */
    public static final String CROSS_TENANT_CHECK = "cross-tenant-isolation";
}
