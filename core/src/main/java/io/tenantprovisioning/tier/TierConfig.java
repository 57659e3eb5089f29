package io.tenantprovisioning.tier;

import java.util.List;

/**
 * What a tier gives a tenant: features, rate limits, model settings.
 *
 * @param costMultiplier          factor on the base monthly cost (Gold 3, Silver 2, Bronze 1)
 * @param demoDocuments           whether the tenant's vector namespace is seeded with the demo documents
 * @param postgresConnectionLimit the tenant role's connection limit (PostgreSQL rolconnlimit)
 */
public record TierConfig(
        Tier tier,
        List<String> features,
        int queriesPerMinute,
        int documentsPerMonth,
        String model,
        int maxTokens,
        double temperature,
        boolean demoDocuments,
        int costMultiplier,
        int postgresConnectionLimit) {

    public TierConfig {
        features = List.copyOf(features);
        if (queriesPerMinute <= 0 || documentsPerMonth <= 0 || maxTokens <= 0 || costMultiplier <= 0
                || postgresConnectionLimit <= 0) {
            throw new IllegalArgumentException("tier " + tier + ": limits and multiplier must be positive");
        }
    }
}
