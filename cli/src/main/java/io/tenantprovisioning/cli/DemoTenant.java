package io.tenantprovisioning.cli;

import io.tenantprovisioning.request.RequestDraft;

/** One tenant of the demo: its request, and whether the demo breaks its isolation on purpose. */
record DemoTenant(String name, String tier, String region, long budgetInr, String story, boolean sabotaged) {

    RequestDraft draft() {
        return new RequestDraft(name, tier, region, String.valueOf(budgetInr), "owner@" + name.toLowerCase()
                .replaceAll("[^a-z]", "") + ".example", "INTERNAL", "NONE", false, null, null);
    }
}
