package io.tenantprovisioning.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.faults.FaultPoint.Site;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.TenantState;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Points parse strictly: every site and target of its domain, nothing else, with messages listing what is valid. */
class FaultPointTest {

    @ParameterizedTest
    @EnumSource(Site.class)
    void everySiteParsesWithEveryTargetOfItsDomainAndAny(Site site) {
        assertThat(FaultPoint.parse(site.text() + ":*")).isEqualTo(FaultPoint.anyTarget(site));
        for (String target : site.targets().targets()) {
            FaultPoint point = FaultPoint.parse(site.text() + ":" + target);
            assertThat(point.site()).isEqualTo(site);
            assertThat(point.target()).isEqualTo(target);
            assertThat(FaultPoint.parse(point.toString())).isEqualTo(point);
        }
    }

    @Test
    void siteTextsAreTheDashedNames() {
        assertThat(Site.DRIVER_AFTER_CREATE.text()).isEqualTo("driver-after-create");
        assertThat(FaultPoint.parse("driver-destroy:redis")).isEqualTo(FaultPoint.of(Site.DRIVER_DESTROY,
                ResourceKind.REDIS));
        assertThat(FaultPoint.parse(" process-launch : apply ").toString()).isEqualTo("process-launch:apply");
    }

    @Test
    void anUnknownSiteIsRejectedListingEverySite() {
        assertThatThrownBy(() -> FaultPoint.parse("driver-creat:redis"))
                .isInstanceOf(InvalidFaultSpecException.class)
                .hasMessageContaining("unknown fault site 'driver-creat'")
                .hasMessageContaining(Arrays.stream(Site.values()).map(Site::text).toList().toString()
                        .replace("[", "").replace("]", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DRIVER-CREATE:redis", "driver_create:redis", "driver:redis", "driver-create-x:redis"})
    void sitesAreNeitherCaseFoldedNorPrefixMatched(String text) {
        assertThatThrownBy(() -> FaultPoint.parse(text)).isInstanceOf(InvalidFaultSpecException.class)
                .hasMessageContaining("unknown fault site").hasMessageContaining("valid sites: driver-create, ");
    }

    @Test
    void aPointWithoutColonSaysTheShape() {
        assertThatThrownBy(() -> FaultPoint.parse("driver-create"))
                .isInstanceOf(InvalidFaultSpecException.class)
                .hasMessageContaining("must be <site>:<target>").hasMessageContaining("valid sites:");
    }

    @Test
    void aTargetOutsideTheSitesDomainIsRejectedListingTheValidOnes() {
        assertThatThrownBy(() -> FaultPoint.parse("driver-destroy:redi"))
                .isInstanceOf(InvalidFaultSpecException.class)
                .hasMessage("'redi' is not a resource kind for driver-destroy; valid targets: *, postgres, redis, "
                        + "object-store, vector, monitoring, signing-key");
        assertThatThrownBy(() -> FaultPoint.parse("process-launch:redis"))
                .isInstanceOf(InvalidFaultSpecException.class)
                .hasMessageContaining("not a Terraform subcommand").hasMessageContaining("apply");
        assertThatThrownBy(() -> FaultPoint.parse("vault-delete-all:postgres"))
                .isInstanceOf(InvalidFaultSpecException.class).hasMessageContaining("valid targets: *");
        assertThatThrownBy(() -> FaultPoint.parse("journal-intend:"))
                .isInstanceOf(InvalidFaultSpecException.class).hasMessageContaining("has no target");
        assertThatThrownBy(() -> FaultPoint.parse("driver-create:redis:x"))
                .isInstanceOf(InvalidFaultSpecException.class).hasMessageContaining("'redis:x'");
    }

    @Test
    void targetsAreCaseSensitiveExceptTenantStates() {
        assertThatThrownBy(() -> FaultPoint.parse("driver-create:Redis")).isInstanceOf(InvalidFaultSpecException.class);
        assertThatThrownBy(() -> FaultPoint.parse("process-launch:APPLY"))
                .isInstanceOf(InvalidFaultSpecException.class);
        assertThat(FaultPoint.parse("lifecycle-transition:rolling-back"))
                .isEqualTo(FaultPoint.of(Site.LIFECYCLE_TRANSITION, TenantState.ROLLING_BACK));
        assertThat(FaultPoint.parse("lifecycle-transition:ACTIVE").target()).isEqualTo("ACTIVE");
    }

    @Test
    void theConstructorIsAsStrictAsTheParser() {
        assertThatThrownBy(() -> FaultPoint.of(Site.PROCESS_LAUNCH, ResourceKind.REDIS))
                .isInstanceOf(InvalidFaultSpecException.class);
        assertThatThrownBy(() -> new FaultPoint(Site.DRIVER_CREATE, " redis"))
                .isInstanceOf(InvalidFaultSpecException.class);
        assertThatThrownBy(() -> FaultPoint.parse(null)).isInstanceOf(InvalidFaultSpecException.class);
    }

    @Test
    void anArmedWildcardMatchesEveryTargetOfItsSiteOnly() {
        FaultPoint any = FaultPoint.anyTarget(Site.DRIVER_DESTROY);
        FaultPoint redis = FaultPoint.of(Site.DRIVER_DESTROY, ResourceKind.REDIS);
        assertThat(any.matches(redis)).isTrue();
        assertThat(any.matches(any)).isTrue();
        assertThat(any.matches(FaultPoint.of(Site.DRIVER_CREATE, ResourceKind.REDIS))).isFalse();
        assertThat(redis.matches(redis)).isTrue();
        assertThat(redis.matches(FaultPoint.of(Site.DRIVER_DESTROY, ResourceKind.POSTGRES))).isFalse();
        assertThat(redis.matches(any)).as("a reached point about no single target is not redis").isFalse();
    }
}
