package io.tenantprovisioning.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.tier.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValidatorTest {

    private final RequestValidator validator = new RequestValidator(RegionCatalog.load());

    static RequestDraft draft(String name, String tier, String region, String budget) {
        return new RequestDraft(name, tier, region, budget, "owner@acme.example", "INTERNAL", "NONE", false, null, null);
    }

    @Test
    void validRequestGetsSlugTierAndDefaultCostCenter() {
        TenantRequest request = validator.validate(draft("  Acme Corporation ", "gOLd", "US-EAST-1", "950000"));
        assertThat(request.name()).isEqualTo("Acme Corporation");
        assertThat(request.slug().value()).isEqualTo("acme-corporation");
        assertThat(request.tier()).isEqualTo(Tier.GOLD);
        assertThat(request.region().code()).isEqualTo("us-east-1");
        assertThat(request.costCenter()).isEqualTo("CC_ACME_CORPORATION");
        assertThat(request.idempotency()).isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        RequestDraft bad = new RequestDraft("x", "platinum", "mars-1", "-5", "nope", "SECRET", "EU", false,
                "9bad", "short");
        assertThatThrownBy(() -> validator.validate(bad))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .hasSize(9)
                        .anySatisfy(p -> assertThat(p).startsWith("idempotency key:"))
                        .anySatisfy(p -> assertThat(p).startsWith("name:"))
                        .anySatisfy(p -> assertThat(p).startsWith("tier:"))
                        .anySatisfy(p -> assertThat(p).startsWith("region:").contains("us-east-1"))
                        .anySatisfy(p -> assertThat(p).startsWith("budget:"))
                        .anySatisfy(p -> assertThat(p).startsWith("email:"))
                        .anySatisfy(p -> assertThat(p).startsWith("classification:").contains("PHI"))
                        .anySatisfy(p -> assertThat(p).startsWith("jurisdiction:"))
                        .anySatisfy(p -> assertThat(p).startsWith("cost center:")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "10000000001", "1e6", "1,000", "12.5", "", "99999999999999999999"})
    void rejectsBudgetsOutsideWholePositiveRupeesUpToTenBillion(String budget) {
        assertThatThrownBy(() -> validator.validate(draft("Acme", "gold", "us-east-1", budget)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.problems()).singleElement().asString().startsWith("budget:"));
    }

    @Test
    void acceptsBudgetBoundaries() {
        assertThat(validator.validate(draft("Acme", "gold", "us-east-1", "1")).budgetInr()).isEqualTo(1);
        assertThat(validator.validate(draft("Acme", "gold", "us-east-1", "10000000000")).budgetInr())
                .isEqualTo(10_000_000_000L);
    }

    @Test
    void gdprDataMustStayInTheEuUnlessCrossBorder() {
        RequestDraft us = new RequestDraft("Acme", "gold", "us-east-1", "1000", "o@acme.example", "PII", "GDPR",
                false, null, null);
        assertThatThrownBy(() -> validator.validate(us)).hasMessageContaining("GDPR data must stay in EU");
        RequestDraft eu = new RequestDraft("Acme", "gold", "eu-west-1", "1000", "o@acme.example", "PII", "GDPR",
                false, null, null);
        assertThat(validator.validate(eu).region().area()).isEqualTo(RegionArea.EU);
        RequestDraft crossBorder = new RequestDraft("Acme", "gold", "us-east-1", "1000", "o@acme.example", "PII",
                "GDPR", true, null, null);
        assertThat(validator.validate(crossBorder).crossBorderTransfer()).isTrue();
    }

    @Test
    void dpdpaDataMustStayInIndia() {
        RequestDraft eu = new RequestDraft("Acme", "gold", "eu-west-1", "1000", "o@acme.example", "PII", "DPDPA",
                false, null, null);
        assertThatThrownBy(() -> validator.validate(eu)).hasMessageContaining("DPDPA data must stay in INDIA");
        RequestDraft india = new RequestDraft("Acme", "gold", "ap-south-1", "1000", "o@acme.example", "PII",
                "DPDPA", false, null, null);
        assertThat(validator.validate(india).region().code()).isEqualTo("ap-south-1");
    }

    @Test
    void nameLengthIsCheckedAfterTrimming() {
        assertThatThrownBy(() -> validator.validate(draft("  ab  ", "gold", "us-east-1", "1")))
                .hasMessageContaining("3-63 characters");
        assertThatThrownBy(() -> validator.validate(draft("a".repeat(64), "gold", "us-east-1", "1")))
                .hasMessageContaining("3-63 characters");
    }

    @org.junit.jupiter.api.Test
    void aNameWithAControlCharacterIsRefusedBeforeTheRegistrySeesIt() {
        RequestValidator strict = new RequestValidator(RegionCatalog.load());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> strict.validate(draft("Acme\u0000Corp", "gold", "us-east-1",
                        "500000")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("name: must not contain control characters, found U+0000 at position 5");
    }
}
