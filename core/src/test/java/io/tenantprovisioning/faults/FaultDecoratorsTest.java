package io.tenantprovisioning.faults;

import io.tenantprovisioning.registry.TransitionGuard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.engine.ProvisioningJournal;
import io.tenantprovisioning.engine.terraform.ProcessLauncher;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceDriver;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Disarmed (or armed elsewhere) decorators are the delegates themselves; armed ones wrap. */
class FaultDecoratorsTest {

    private final ResourceDriver driver = new FaultInjectingDriverTest.RecordingDriver(ResourceKind.REDIS);
    private final ProvisioningJournal journal = new FaultInjectingJournalTest.RecordingJournal();
    private final SecretVault vault = new FaultInjectingVaultTest.MapVault();
    private final ProcessLauncher launcher = spec -> new FaultInjectingLauncherTest.ExitedProcess();
    private final TransitionGuard guard = TransitionGuard.NONE;

    @Test
    void aDisarmedPlanWrapsNothing() {
        for (FaultDecorators none : List.of(FaultDecorators.none(), new FaultDecorators(FaultPlan.parse("")))) {
            assertThat(none.wrap(driver)).isSameAs(driver);
            assertThat(none.wrap(journal)).isSameAs(journal);
            assertThat(none.wrap(vault)).isSameAs(vault);
            assertThat(none.wrap(launcher)).isSameAs(launcher);
            assertThat(none.wrap(guard)).isSameAs(guard);
            assertThat(none.wrapDrivers(List.of(driver))).containsExactly(driver);
        }
    }

    @Test
    void onlyThePartsWithArmedSitesAreWrapped() {
        FaultDecorators decorators = new FaultDecorators(FaultPlan.parse("driver-after-create:postgres=fail"));
        assertThat(decorators.wrap(driver)).isInstanceOf(FaultInjectingDriver.class);
        assertThat(decorators.wrap(journal)).isSameAs(journal);
        assertThat(decorators.wrap(vault)).isSameAs(vault);
        assertThat(decorators.wrap(launcher)).isSameAs(launcher);
        assertThat(decorators.wrap(guard)).isSameAs(guard);
    }

    @Test
    void everyDecoratorIsUsedForItsSites() {
        FaultDecorators decorators = new FaultDecorators(FaultPlan.parse("driver-list:*=fail,journal-intend:*=fail,"
                + "vault-delete-all:*=fail,process-launch:*=fail,lifecycle-transition:*=fail"));
        assertThat(decorators.wrap(driver)).isInstanceOf(FaultInjectingDriver.class);
        assertThat(decorators.wrap(journal)).isInstanceOf(FaultInjectingJournal.class);
        assertThat(decorators.wrap(vault)).isInstanceOf(FaultInjectingVault.class);
        assertThat(decorators.wrap(launcher)).isInstanceOf(FaultInjectingLauncher.class);
        assertThat(decorators.wrap(guard)).isInstanceOf(FaultInjectingTransitions.class);
        assertThat(((FaultInjectingDriver) decorators.wrap(driver)).delegate()).isSameAs(driver);
        assertThatThrownBy(() -> decorators.wrap(vault).deleteAll(Slug.of("acme-corp")))
                .isInstanceOf(InjectedFault.class);
    }

    @Test
    void everySiteBelongsToExactlyOneDecorator() {
        List<Set<FaultPoint.Site>> decorators = List.of(FaultInjectingDriver.SITES, FaultInjectingJournal.SITES,
                FaultInjectingVault.SITES, FaultInjectingLauncher.SITES, FaultInjectingTransitions.SITES);
        for (FaultPoint.Site site : FaultPoint.Site.values()) {
            assertThat(decorators.stream().filter(sites -> sites.contains(site))).as(site.text()).hasSize(1);
        }
    }
}
