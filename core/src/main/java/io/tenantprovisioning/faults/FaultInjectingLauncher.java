package io.tenantprovisioning.faults;

import io.tenantprovisioning.engine.terraform.LaunchedProcess;
import io.tenantprovisioning.engine.terraform.ProcessLauncher;
import io.tenantprovisioning.engine.terraform.ProcessSpec;
import io.tenantprovisioning.faults.FaultPoint.Site;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A launcher that reaches the plan before starting a process, targeting its Terraform subcommand: the first
 * argument after the binary that is not a global option ({@code -chdir=...}). A command with no known
 * subcommand reaches {@value FaultPoint#ANY}.
 */
public final class FaultInjectingLauncher implements ProcessLauncher {

    /** The sites this decorator reaches. */
    public static final Set<Site> SITES = Set.of(Site.PROCESS_LAUNCH);

    private final ProcessLauncher delegate;
    private final FaultPlan plan;

    public FaultInjectingLauncher(ProcessLauncher delegate, FaultPlan plan) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    @Override
    public LaunchedProcess launch(ProcessSpec spec) throws IOException {
        plan.reach(new FaultPoint(Site.PROCESS_LAUNCH, subcommand(spec.command())));
        return delegate.launch(spec);
    }

    /** The wrapped launcher. */
    public ProcessLauncher delegate() {
        return delegate;
    }

    @Override
    public String toString() {
        return "faults(" + plan + ") around " + delegate;
    }

    /** The subcommand of {@code binary [global options] subcommand ...}, or {@value FaultPoint#ANY}. */
    static String subcommand(List<String> command) {
        return command.stream()
                .skip(1)
                .filter(arg -> !arg.startsWith("-"))
                .findFirst()
                .flatMap(TargetDomain.TERRAFORM_COMMAND::canonical)
                .orElse(FaultPoint.ANY);
    }
}
