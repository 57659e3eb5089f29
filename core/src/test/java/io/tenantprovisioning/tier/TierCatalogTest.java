package io.tenantprovisioning.tier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TierCatalogTest {

    private final TierCatalog catalog = TierCatalog.load();

    @Test
    void goldMatchesTheSeedTable() {
        TierConfig gold = catalog.config(Tier.GOLD);
        assertThat(gold.features()).containsExactly("advanced_search", "real_time_indexing", "custom_models",
                "batch_processing", "api_access");
        assertThat(gold.queriesPerMinute()).isEqualTo(1000);
        assertThat(gold.documentsPerMonth()).isEqualTo(100_000);
        assertThat(gold.model()).isEqualTo("gpt-4");
        assertThat(gold.maxTokens()).isEqualTo(4096);
        assertThat(gold.temperature()).isEqualTo(0.7);
        assertThat(gold.demoDocuments()).isTrue();
        assertThat(gold.costMultiplier()).isEqualTo(3);
    }

    @Test
    void silverAndBronzeMatchTheSeedTable() {
        TierConfig silver = catalog.config(Tier.SILVER);
        assertThat(silver.features()).containsExactly("real_time_indexing", "batch_processing", "api_access");
        assertThat(silver.queriesPerMinute()).isEqualTo(500);
        assertThat(silver.documentsPerMonth()).isEqualTo(50_000);
        assertThat(silver.model()).isEqualTo("gpt-3.5-turbo");
        assertThat(silver.maxTokens()).isEqualTo(2048);
        TierConfig bronze = catalog.config(Tier.BRONZE);
        assertThat(bronze.features()).containsExactly("batch_processing", "api_access");
        assertThat(bronze.queriesPerMinute()).isEqualTo(100);
        assertThat(bronze.documentsPerMonth()).isEqualTo(10_000);
        assertThat(bronze.maxTokens()).isEqualTo(1024);
        assertThat(bronze.demoDocuments()).isFalse();
    }

    /** Issue #15 item 10: a tenant role's connection limit, larger for larger tiers. */
    @Test
    void everyTierLimitsItsPostgresConnections() {
        assertThat(catalog.config(Tier.GOLD).postgresConnectionLimit()).isEqualTo(20);
        assertThat(catalog.config(Tier.SILVER).postgresConnectionLimit()).isEqualTo(10);
        assertThat(catalog.config(Tier.BRONZE).postgresConnectionLimit()).isEqualTo(5);
    }

    @Test
    void tierNamesParseCaseInsensitively() {
        assertThat(Tier.parse("gOlD")).contains(Tier.GOLD);
        assertThat(Tier.parse(" bronze ")).contains(Tier.BRONZE);
        assertThat(Tier.parse("platinum")).isEmpty();
        assertThat(Tier.GOLD.displayName()).isEqualTo("Gold");
    }
}
