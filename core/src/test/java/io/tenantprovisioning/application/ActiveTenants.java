package io.tenantprovisioning.application;

import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.model.EngineKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A platform on the real local services (embedded backends in a temp folder, notifications to the
 * log only, captured) and the Bronze tenants a test provisioned through the whole pipeline. {@link
 * #close()} offboards every one of them that is still provisioned, then closes the platform.
 */
final class ActiveTenants implements AutoCloseable {

    private static final Set<String> OFFBOARDABLE = Set.of("ACTIVE", "DEGRADED", "OFFBOARDING");

    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final ProgressListener progress = (step, message) -> log.add(step + ": " + message);
    final TenantPlatform platform;
    private final List<Slug> created = new ArrayList<>();

    ActiveTenants(Path dataDir) {
        this(dataDir, Map.of());
    }

    /** With settings of the test's own on top (e.g. OBJECT_STORE=s3). */
    ActiveTenants(Path dataDir, Map<Setting, String> extra) {
        Map<Setting, String> overrides = new EnumMap<>(Setting.class);
        overrides.put(Setting.DATA_DIR, dataDir.toString());
        overrides.put(Setting.OBJECT_STORE, "filesystem");
        // notifications land in the log, where the tests count them
        overrides.put(Setting.OFFLINE, "true");
        // latency is not what these tests are about: on a shared 2-core machine two suites running at once
        // must not turn a healthy tenant DEGRADED through the p95 SLA
        overrides.put(Setting.QUERY_PERFORMANCE_SLA_MS, "20000");
        overrides.putAll(extra);
        Settings settings = TestServices.settings().with(overrides);
        platform = TenantPlatform.open(settings, progress);
    }

    /** A fresh Bronze tenant, ACTIVE (asserted), cleaned up by {@link #close()}. */
    Slug provision(String prefix) {
        Slug slug = TestServices.uniqueSlug(prefix);
        created.add(slug);
        RequestDraft draft = new RequestDraft(slug.value(), "bronze", "us-east-1", "500000", "owner@acme.example",
                "INTERNAL", "NONE", false, null, null);
        PipelineOutcome outcome = platform.job().run(draft, "test", EngineKind.DIRECT, progress);
        assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.Activated.class);
        return slug;
    }

    /** A tenant provisioned some other way (a batch), to offboard on close like the others. */
    void track(Slug slug) {
        created.add(slug);
    }

    String state(Slug slug) {
        return platform.services().registry().tenants().require(slug).state().name();
    }

    /** Log-channel notifications of one kind ("tenant-degraded"), in the order they were sent. */
    List<String> notifications(String kind) {
        synchronized (log) {
            return log.stream().filter(l -> l.startsWith("notify: notification " + kind + " ")).toList();
        }
    }

    @Override
    public void close() {
        try {
            for (Slug slug : created) {
                if (OFFBOARDABLE.contains(state(slug))) {
                    platform.offboard(slug, ProgressListener.silent());
                }
            }
        } finally {
            platform.close();
        }
    }
}
