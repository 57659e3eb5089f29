package io.tenantprovisioning.application;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.ConfiguredResources;
import io.tenantprovisioning.engine.CreatedResources;
import io.tenantprovisioning.engine.DirectEngine;
import io.tenantprovisioning.engine.EngineChange;
import io.tenantprovisioning.engine.EnginePlan;
import io.tenantprovisioning.engine.ProvisioningEngine;
import io.tenantprovisioning.engine.ProvisioningJournal;
import io.tenantprovisioning.engine.terraform.LocalProcessLauncher;
import io.tenantprovisioning.engine.terraform.TerraformEngine;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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
            // built on first use: a command that never runs Terraform must not fail on its settings
            engines.put(TerraformEngine.NAME, new OnFirstUse(TerraformEngine.NAME, () -> TerraformEngine.fromSettings(
                    settings, home, settings.string(Setting.TERRAFORM_MODULE_DIR), direct, events,
                    services.faults().wrap(new LocalProcessLauncher()), services.failurePoints())));
        }
        return engines;
    }

    /** An engine constructed the first time it is asked to work. */
    private static final class OnFirstUse implements ProvisioningEngine {
        private final String name;
        private final Supplier<ProvisioningEngine> factory;
        private ProvisioningEngine engine;

        OnFirstUse(String name, Supplier<ProvisioningEngine> factory) {
            this.name = name;
            this.factory = factory;
        }

        private synchronized ProvisioningEngine engine() {
            if (engine == null) {
                engine = factory.get();
            }
            return engine;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public CreatedResources create(TenantResourceSpec spec, ProvisioningJournal journal,
                                       ProgressListener progress) throws ResourceException {
            return engine().create(spec, journal, progress);
        }

        @Override
        public ConfiguredResources configure(TenantResourceSpec spec, CreatedResources created,
                                             ProvisioningJournal journal, ProgressListener progress)
                throws ResourceException {
            return engine().configure(spec, created, journal, progress);
        }

        @Override
        public boolean savesPlans() {
            return engine().savesPlans();
        }

        @Override
        public Optional<EnginePlan> planForApproval(TenantResourceSpec spec, ProgressListener progress) {
            return engine().planForApproval(spec, progress);
        }

        @Override
        public void verifyApprovedPlan(TenantResourceSpec spec, String approvedSha256, ProgressListener progress) {
            engine().verifyApprovedPlan(spec, approvedSha256, progress);
        }

        @Override
        public CreatedResources createFromApprovedPlan(TenantResourceSpec spec, String approvedSha256,
                                                       ProvisioningJournal journal, ProgressListener progress)
                throws ResourceException {
            return engine().createFromApprovedPlan(spec, approvedSha256, journal, progress);
        }

        @Override
        public Optional<EngineChange> changes() {
            return engine().changes();
        }

        @Override
        public List<String> destroy(Slug slug, ProgressListener progress) {
            return engine().destroy(slug, progress);
        }

        @Override
        public List<String> drift(Slug slug, ProgressListener progress) {
            return engine().drift(slug, progress);
        }

        @Override
        public List<String> stateList(Slug slug, ProgressListener progress) {
            return engine().stateList(slug, progress);
        }
    }

    private static Path repositoryRoot(Settings settings) {
        return settings.optional(Setting.TENANTCTL_HOME).map(Path::of)
                .or(() -> java.util.Optional.ofNullable(System.getProperty("tenantctl.repo.root")).map(Path::of))
                .orElse(Path.of("").toAbsolutePath());
    }
}
