package io.tenantprovisioning.cli;

import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.application.TenantPlatform;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that drives the engine: opens the platform from the settings (flags given by
 * {@link #settingFlags()}), runs, closes it; maps refusals to exit codes like {@link RegistryCommand}.
 */
abstract class PlatformCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        Settings settings = SettingsLoader.load(settingFlags());
        ConsoleProgress progress = ConsoleProgress.forProcess(spec.commandLine().getErr());
        try (TenantPlatform platform = TenantPlatform.open(settings, progress, Tenantctl.operator(spec).actor())) {
            PrintWriter out = spec.commandLine().getOut();
            int code = run(platform, progress, out);
            out.flush();
            return code;
        } catch (RuntimeException e) {
            throw RegistryCommand.exitFor(e);
        }
    }

    /** Settings given as command-line flags (highest precedence). */
    Map<String, String> settingFlags() {
        return Map.of();
    }

    abstract int run(TenantPlatform platform, ConsoleProgress progress, PrintWriter out);
}
