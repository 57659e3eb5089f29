package io.tenantprovisioning.faults;

import io.tenantprovisioning.registry.TransitionGuard;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.ProvisioningJournal;
import io.tenantprovisioning.engine.terraform.ProcessLauncher;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.resource.ResourceDriver;
import java.util.List;
import java.util.Objects;

/**
 * What the composition root asks to wrap its parts in fault injection. Each {@code wrap} returns its
 * argument itself when the plan arms none of that decorator's sites (always, for a disarmed plan), so
 * production wiring pays nothing. Wrap each part once: a part wrapped twice reaches the plan twice.
 */
public record FaultDecorators(FaultPlan plan) {

    public FaultDecorators {
        Objects.requireNonNull(plan, "plan");
    }

    /** The decorators of the TENANTCTL_FAULTS setting (disarmed when it is unset). */
    public static FaultDecorators fromSettings(Settings settings) {
        return new FaultDecorators(FaultPlan.parse(settings.optional(Setting.TENANTCTL_FAULTS).orElse(null)));
    }

    public static FaultDecorators none() {
        return new FaultDecorators(FaultPlan.none());
    }

    public ResourceDriver wrap(ResourceDriver driver) {
        return plan.armsAny(FaultInjectingDriver.SITES) ? new FaultInjectingDriver(driver, plan) : driver;
    }

    /** Every driver wrapped, in the same order. */
    public List<ResourceDriver> wrapDrivers(List<? extends ResourceDriver> drivers) {
        return drivers.stream().map(this::wrap).toList();
    }

    public ProvisioningJournal wrap(ProvisioningJournal journal) {
        return plan.armsAny(FaultInjectingJournal.SITES) ? new FaultInjectingJournal(journal, plan) : journal;
    }

    public SecretVault wrap(SecretVault vault) {
        return plan.armsAny(FaultInjectingVault.SITES) ? new FaultInjectingVault(vault, plan) : vault;
    }

    public ProcessLauncher wrap(ProcessLauncher launcher) {
        return plan.armsAny(FaultInjectingLauncher.SITES) ? new FaultInjectingLauncher(launcher, plan) : launcher;
    }

    public TransitionGuard wrap(TransitionGuard guard) {
        return plan.armsAny(FaultInjectingTransitions.SITES) ? new FaultInjectingTransitions(guard, plan) : guard;
    }
}
