package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.TenantLedger;
import io.tenantprovisioning.application.Refusal;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on the registry: opens it from the settings, runs, closes it, and turns
 * the registry's and lifecycle's refusals into exit codes (see {@link #exitFor}).
 */
abstract class RegistryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        Settings settings = SettingsLoader.load(Map.of());
        try (TenantLedger ledger = readOnly() ? TenantLedger.openForReading(settings) : TenantLedger.open(settings)) {
            PrintWriter out = spec.commandLine().getOut();
            int code = run(ledger, out);
            out.flush();
            return code;
        } catch (RuntimeException e) {
            throw exitFor(e);
        }
    }

    /** A command that only reads opens the registry without re-running its migrations when it is current. */
    boolean readOnly() {
        return false;
    }

    /** Does the command's work; returns the exit code. */
    abstract int run(TenantLedger ledger, PrintWriter out);

    /**
     * The exit code of a refusal: 2 when the request was wrong and nothing changed (unknown slug,
     * wrong group, double decision, illegal move, reused key), 4 when another run holds the
     * tenant's lock. Anything else stays as it is (exit 1).
     */
    static RuntimeException exitFor(RuntimeException e) {
        return switch (Refusal.of(e)) {
            case RUN_IN_PROGRESS -> new CliFailure(ExitCode.RUN_IN_PROGRESS, e.getMessage());
            case INVALID_REQUEST -> new CliFailure(ExitCode.INVALID_INPUT, e.getMessage());
            case NONE -> e;
        };
    }
}
