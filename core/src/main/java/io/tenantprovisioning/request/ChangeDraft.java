package io.tenantprovisioning.request;

/**
 * A change to a serving tenant exactly as a person typed it ({@code tenantctl update} flags, Jenkins
 * parameters): null means "keep". The tenant's name and region never change (every resource name derives
 * from them); {@link #applyTo} gives the whole configuration as changed, for {@link RequestValidator}.
 *
 * @param crossBorderTransfer true/false to set it, null to keep it
 */
public record ChangeDraft(
        String tier,
        String budget,
        String classification,
        String jurisdiction,
        Boolean crossBorderTransfer,
        String costCenter,
        String ownerEmail) {

    /** The current configuration with this draft's fields put over it (no idempotency key: a change has none). */
    public RequestDraft applyTo(RequestDraft current) {
        return new RequestDraft(current.name(), or(tier, current.tier()), current.region(),
                or(budget, current.budget()), or(ownerEmail, current.ownerEmail()),
                or(classification, current.classification()), or(jurisdiction, current.jurisdiction()),
                crossBorderTransfer == null ? current.crossBorderTransfer() : crossBorderTransfer,
                or(costCenter, current.costCenter()), null);
    }

    /** True when no field was given at all. */
    public boolean empty() {
        return tier == null && budget == null && classification == null && jurisdiction == null
                && crossBorderTransfer == null && costCenter == null && ownerEmail == null;
    }

    private static String or(String given, String current) {
        return given == null ? current : given;
    }
}
