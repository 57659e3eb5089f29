package io.tenantprovisioning.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierCatalog;
import io.tenantprovisioning.tier.TierConfig;
import org.junit.jupiter.api.Test;

/** Tenants recorded before issue #15 have no connection limit in their tier config; they get their tier's. */
class StoredTierConfigsTest {

    private static final String RECORDED_BEFORE_THE_LIMIT = "{\"tier\":\"SILVER\",\"features\":[\"api_access\"],"
            + "\"queriesPerMinute\":500,\"documentsPerMonth\":50000,\"model\":\"gpt-3.5-turbo\",\"maxTokens\":2048,"
            + "\"temperature\":0.7,\"demoDocuments\":false,\"costMultiplier\":2}";

    @Test
    void aRowWithoutTheLimitTakesItFromTheCatalog() {
        TierConfig config = StoredTierConfigs.read(RECORDED_BEFORE_THE_LIMIT);

        assertThat(config.postgresConnectionLimit())
                .isEqualTo(TierCatalog.load().config(Tier.SILVER).postgresConnectionLimit());
        assertThat(config.queriesPerMinute()).isEqualTo(500);
    }

    @Test
    void aRecordedLimitIsKept() {
        TierConfig config = StoredTierConfigs.read(RECORDED_BEFORE_THE_LIMIT.replace("}", ",\"postgresConnectionLimit\":7}"));

        assertThat(config.postgresConnectionLimit()).isEqualTo(7);
    }
}
