package io.tenantprovisioning.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.request.RegionCatalog;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.RequestValidator;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.tier.TierCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostModelTest {

    private final CostModel model = new CostModel(25_000, TierCatalog.load());
    private final RequestValidator validator = new RequestValidator(RegionCatalog.load());

    @ParameterizedTest
    @CsvSource({
            "gold, us-east-1, 75000",
            "silver, us-west-2, 55000",
            "bronze, eu-west-1, 30000",
            "gold, ap-south-1, 67500"})
    void monthlyIsBaseTimesTierTimesRegion(String tier, String region, long monthly) {
        TenantRequest request = validator.validate(new RequestDraft("Acme", tier, region, "100000000",
                "o@acme.example", "INTERNAL", "NONE", false, null, null));
        CostEstimate estimate = model.estimate(request);
        assertThat(estimate.monthlyInr()).isEqualTo(monthly);
        assertThat(estimate.annualInr()).isEqualTo(monthly * 12);
        assertThat(estimate.overBudget()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"899999, true", "900000, false"})
    void flagsAnnualEstimateAboveBudget(String budget, boolean over) {
        TenantRequest request = validator.validate(new RequestDraft("Acme", "gold", "us-east-1", budget,
                "o@acme.example", "INTERNAL", "NONE", false, null, null));
        assertThat(model.estimate(request).overBudget()).isEqualTo(over);
    }
}
