package io.tenantprovisioning.operations;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.DirectEngine;
import io.tenantprovisioning.engine.ProvisioningEngine;
import io.tenantprovisioning.engine.terraform.TerraformEngine;
import io.tenantprovisioning.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provisioning engines this process can run, by name. `direct` always; `terraform` when the
 * repository's terraform/ folder is found (the root module is copied from it per tenant).
 */
final class Engines {

    private Engines() {
    }

    static Map<String, ProvisioningEngine> available(PlatformServices services, ProgressListener events) {
        Map<String, ProvisioningEngine> engines = new LinkedHashMap<>();
        DirectEngine direct = services.directEngine();
        engines.put(DirectEngine.NAME, direct);
        Settings settings = services.settings();
        Path home = repositoryRoot(settings);
        if (Files.isDirectory(home.resolve(settings.string(Setting.TERRAFORM_MODULE_DIR)))) {
            engines.put(TerraformEngine.NAME, TerraformEngine.fromSettings(settings, home,
                    settings.string(Setting.TERRAFORM_MODULE_DIR), direct, events));
        }
        return engines;
    }

    private static Path repositoryRoot(Settings settings) {
        return settings.optional(Setting.TENANTCTL_HOME).map(Path::of)
                .or(() -> java.util.Optional.ofNullable(System.getProperty("tenantctl.repo.root")).map(Path::of))
                .orElse(Path.of("").toAbsolutePath());
    }
}
