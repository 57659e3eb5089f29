package io.tenantprovisioning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.request.Slug;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CanarySlugsTest {

    @Test
    void aFreshCanaryIsInFlightAndAnOldOneIsNot() {
        Instant created = Instant.parse("2026-11-29T10:00:00Z");
        Slug slug = CanarySlugs.newSlug(created, new SecureRandom());
        assertThat(slug.value()).startsWith("canary-").matches(Slug.PATTERN);
        assertThat(CanarySlugs.inFlight(slug.value(), created.plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(CanarySlugs.inFlight(slug.value(), created.plus(Duration.ofMinutes(31)))).isFalse();
    }

    @Test
    void otherSlugsAreNeverInFlight() {
        Instant now = Instant.now();
        assertThat(CanarySlugs.inFlight("acme-corp", now)).isFalse();
        assertThat(CanarySlugs.inFlight("canary-abcdefgh", now)).isFalse();
        assertThat(CanarySlugs.inFlight("canary-!!-x", now)).isFalse();
    }
}
