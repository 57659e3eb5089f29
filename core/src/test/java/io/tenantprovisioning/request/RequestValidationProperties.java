package io.tenantprovisioning.request;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random input either validates or yields clear problems: never another exception, never an over-long name. */
class RequestValidationProperties {

    private final RequestValidator validator = new RequestValidator(RegionCatalog.load());

    @Property(tries = 2000)
    void anyUnicodeNameValidatesOrExplainsWhy(@ForAll("names") String name, @ForAll("emails") String email,
                                              @ForAll("budgets") String budget) {
        RequestDraft draft = new RequestDraft(name, "silver", "eu-west-1", budget, email, "INTERNAL", "NONE",
                false, null, null);
        try {
            TenantRequest request = validator.validate(draft);
            assertThat(request.slug().value()).matches(Slug.PATTERN);
            assertThat(request.slug().sqlIdentifier().length()).isLessThanOrEqualTo(63);
            assertThat(request.slug().bucketName("tenant").length()).isBetween(3, 63);
            assertThat(request.ownerEmail().value().length()).isLessThanOrEqualTo(254);
            assertThat(request.budgetInr()).isBetween(1L, RequestValidator.MAX_BUDGET_INR);
        } catch (InvalidRequestException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).isNotBlank().contains(":"));
        }
    }

    @Property(tries = 500)
    void derivationIsDeterministic(@ForAll("names") String name) {
        assertThat(Slug.derive(name)).isEqualTo(Slug.derive(name));
        assertThat(Slug.derive(name)).doesNotStartWith("-").doesNotEndWith("-");
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '-', '_', 'É', 'ß').ofMinLength(1)
                        .ofMaxLength(70));
    }

    @Provide
    Arbitrary<String> emails() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(70)
                        .map(local -> local + "@example.com"));
    }

    @Provide
    Arbitrary<String> budgets() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-5, 20_000_000_000L).map(String::valueOf),
                Arbitraries.strings().all().ofMaxLength(25));
    }
}
