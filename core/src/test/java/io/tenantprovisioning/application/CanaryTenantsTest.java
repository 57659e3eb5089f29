package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.CanarySlugs;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.validation.PeerTenant;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standing canary on the real services: created once, then shared by the next validations
 * (no new canary per run), never reused across backends it was not made on, never reused once a
 * backend lost part of it or once it is too old, and recorded so another process finds it.
 */
class CanaryTenantsTest {

    @TempDir
    Path dataDir;

    private TenantPlatform platform;
    private PlatformServices services;
    private final Set<Slug> created = new LinkedHashSet<>();
    private final TenantAccess self = new TenantAccess(Slug.of("canary-test-self"), Map.of(), null, Map.of(), Map.of());

    @BeforeEach
    void open() {
        Settings settings = TestServices.settings().with(Map.of(Setting.DATA_DIR, dataDir.toString()));
        platform = TenantPlatform.open(settings, ProgressListener.silent());
        services = platform.services();
    }

    @AfterEach
    void removeCanaries() {
        try {
            for (Slug slug : created) {
                services.directEngine().destroy(slug, ProgressListener.silent());
                assertThat(services.sweep(ProgressListener.silent()).sweepTenant(slug, false).clean()).isTrue();
            }
        } finally {
            platform.close();
        }
    }

    private CanaryTenants canaries(String fingerprint, Clock clock) {
        return new CanaryTenants(services.directEngine(), services.sweep(ProgressListener.silent()), services.vault(),
                services.tiers(), services.drivers(), fingerprint, clock);
    }

    private Slug acquire(CanaryTenants source) throws Exception {
        PeerTenant peer = source.acquire(self);
        peer.cleanup().release();
        Slug slug = peer.access().slug();
        created.add(slug);
        return slug;
    }

    @Test
    void oneCanaryServesTheNextValidationsAndAnotherProcessFindsIt() throws Exception {
        String fingerprint = CanaryTenants.fingerprint(services.settings());
        Slug first = acquire(canaries(fingerprint, Clock.systemUTC()));
        assertThat(first.value()).startsWith(CanarySlugs.PREFIX);
        for (ResourceDriver driver : services.drivers()) {
            assertThat(driver.describe(first)).as(driver.kind().stepName() + " of the canary stays").isPresent();
        }

        long start = System.nanoTime();
        // a new instance reads only what the registry recorded, as another process would
        PeerTenant again = canaries(fingerprint, Clock.systemUTC()).acquire(self);
        Duration reuse = Duration.ofNanos(System.nanoTime() - start);

        assertThat(again.access().slug()).isEqualTo(first);
        assertThat(again.access().secrets()).as("credentials, without the canary's record")
                .isNotEmpty().doesNotContainKey(CanaryTenants.RECORD);
        assertThat(again.access().attributes()).isNotEmpty();
        assertThat(reuse).as("reuse costs lookups, not a provisioning").isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aCanaryOfOtherBackendsALostPartOrTooOldIsNeverReused() throws Exception {
        String fingerprint = CanaryTenants.fingerprint(services.settings());
        Slug first = acquire(canaries(fingerprint, Clock.systemUTC()));

        Slug otherBackends = acquire(canaries("another-deployment", Clock.systemUTC()));
        assertThat(otherBackends).isNotEqualTo(first);

        Clock later = Clock.fixed(Instant.now().plus(CanaryTenants.REUSE_FOR).plusSeconds(5), ZoneOffset.UTC);
        Slug afterReuseWindow = acquire(canaries(fingerprint, later));
        assertThat(afterReuseWindow).isNotIn(first, otherBackends);

        services.drivers().stream().filter(d -> d.kind() == ResourceKind.REDIS).findFirst().orElseThrow()
                .destroy(afterReuseWindow);
        Slug afterLoss = acquire(canaries(fingerprint, later));
        assertThat(afterLoss).as("the canary missing its Redis user is replaced").isNotIn(first, afterReuseWindow);
    }
}
