package io.tenantprovisioning.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugTest {

    @ParameterizedTest
    @CsvSource({
            "Acme Corporation, acme-corporation",
            "  Acme   Corp  , acme-corp",
            "Société Générale, societe-generale",
            "ACME_Corp.io, acme-corp-io",
            "a1b, a1b",
            "Zürich Re (EU), zurich-re-eu"})
    void derivesDeterministically(String name, String expected) {
        assertThat(Slug.fromName(name).value()).isEqualTo(expected);
        assertThat(Slug.fromName(name)).isEqualTo(Slug.fromName(name));
    }

    @Test
    void rejectsInsteadOfTruncating() {
        String name = "The Extremely Long Tenant Name Incorporated";
        assertThatThrownBy(() -> Slug.fromName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 32")
                .hasMessageContaining("43 characters");
    }

    @Test
    void acceptsExactlyThirtyTwoCharacters() {
        String slug = "a".repeat(32);
        assertThat(Slug.of(slug).value()).hasSize(32);
        assertThatThrownBy(() -> Slug.of("a".repeat(33))).hasMessageContaining("at most 32");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "Public", "postgres", "default", "system", "root", "pg-stats"})
    void rejectsReservedSlugs(String name) {
        assertThatThrownBy(() -> Slug.fromName(name)).hasMessageContaining("reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123 Corp", "---", "日本語", "ab"})
    void rejectsNamesWithoutAValidSlug(String name) {
        assertThatThrownBy(() -> Slug.fromName(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("slug:");
    }

    @Test
    void rejectsSlugsThatWouldMakeIllegalBucketNames() {
        assertThatThrownBy(() -> Slug.fromName("foo s3alias")).hasMessageContaining("S3 bucket");
    }

    @Test
    void derivesEveryResourceNameFromTheSlug() {
        Slug slug = Slug.of("acme-corp");
        assertThat(slug.sqlIdentifier()).isEqualTo("t_acme_corp");
        assertThat(slug.redisUser()).isEqualTo("t_acme-corp");
        assertThat(slug.redisPrefix()).isEqualTo("t:acme-corp:");
        assertThat(slug.qualifiedName()).isEqualTo("tenant-acme-corp");
        assertThat(slug.bucketName("tenant")).isEqualTo("tenant-acme-corp");
        assertThat(slug.defaultCostCenter()).isEqualTo("CC_ACME_CORP");
    }
}
