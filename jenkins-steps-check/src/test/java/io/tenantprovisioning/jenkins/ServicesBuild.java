package io.tenantprovisioning.jenkins;

import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TenantFootprint;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link LocalBuild} whose controller is configured with the settings of the real local services (as
 * an administrator gives them in the global configuration), for one fresh tenant, plus the test's own
 * platform to look at the registry and to leave nothing behind.
 */
final class ServicesBuild implements AutoCloseable {

    final Slug slug;
    final Settings settings;
    final LocalBuild build;
    final Path workspace;
    final TenantPlatform platform;

    ServicesBuild(String prefix, Path temp) throws Exception {
        this(prefix, temp, Map.of());
    }

    /** As above, with {@code buildEnv} added to the build's environment (what a Jenkinsfile may set). */
    ServicesBuild(String prefix, Path temp, Map<String, String> buildEnv) throws Exception {
        this.slug = TestServices.uniqueSlug(prefix);
        this.settings = TestServices.settings().with(Map.of(Setting.DATA_DIR,
                Files.createDirectories(temp.resolve("data")).toString()));
        this.workspace = Files.createDirectories(temp.resolve("workspace"));
        Map<String, String> env = new HashMap<>(buildEnv);
        // BUILD_TAG is the request's idempotency key: a repeated tag would replay an earlier request
        env.put("BUILD_TAG", "jenkins-tenants-provision-" + slug.value());
        env.put("BUILD_NUMBER", "7");
        this.build = new LocalBuild(settings, env, workspace, RecordedBuild.startedByTimer());
        this.platform = TenantPlatform.open(settings, ProgressListener.silent());
    }

    String state() {
        return platform.services().registry().tenants().require(slug).state().name();
    }

    /** Whatever of the tenant is still on the services (PostgreSQL, Redis, S3/IAM, files, vault rows). */
    List<String> footprint() throws Exception {
        try (TenantFootprint footprint = new TenantFootprint(settings)) {
            return footprint.of(slug).values().stream().flatMap(List::stream).toList();
        }
    }


    @Override
    public void close() {
        try {
            TenantCleanup.finish(platform, slug);
        } finally {
            platform.close();
        }
    }
}
