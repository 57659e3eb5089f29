package io.tenantprovisioning.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One field of a tenant's configuration that a change moves from one value to another, in the text form
 * requests are stored in ("tier: SILVER → GOLD").
 */
public record FieldChange(String field, String from, String to) {

    public FieldChange {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** The fields {@code after} changes relative to {@code before}, in a fixed order; empty when none. */
    public static List<FieldChange> between(TenantRequest before, TenantRequest after) {
        List<FieldChange> changes = new ArrayList<>();
        add(changes, "tier", before.tier().name(), after.tier().name());
        add(changes, "budget", Long.toString(before.budgetInr()), Long.toString(after.budgetInr()));
        add(changes, "classification", before.classification().name(), after.classification().name());
        add(changes, "jurisdiction", before.jurisdiction().name(), after.jurisdiction().name());
        add(changes, "crossBorder", Boolean.toString(before.crossBorderTransfer()),
                Boolean.toString(after.crossBorderTransfer()));
        add(changes, "costCenter", before.costCenter(), after.costCenter());
        add(changes, "ownerEmail", before.ownerEmail().value(), after.ownerEmail().value());
        return changes;
    }

    private static void add(List<FieldChange> changes, String field, String from, String to) {
        if (!from.equals(to)) {
            changes.add(new FieldChange(field, from, to));
        }
    }

    @Override
    public String toString() {
        return field + ": " + from + " → " + to;
    }
}
