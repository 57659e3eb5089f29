package io.tenantprovisioning.application;

import io.tenantprovisioning.application.ExportSummary;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.IllegalTransitionException;
import io.tenantprovisioning.application.TeardownResult;
import io.tenantprovisioning.model.TenantState;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * ACTIVE/DEGRADED → OFFBOARDING → OFFBOARDED, with an optional data export first. Export and teardown run
 * under one run lock, so nothing changes the tenant between the copy and the destroy; a failed export
 * destroys nothing. The registry row, the approvals and the audit trail are kept.
 */
public final class Offboarding {

    private static final Set<TenantState> FROM = EnumSet.of(TenantState.ACTIVE, TenantState.DEGRADED,
            TenantState.OFFBOARDING);

    private final TenantPlatform platform;
    private final Registry registry;

    public Offboarding(TenantPlatform platform) {
        this.platform = platform;
        this.registry = platform.services().registry();
    }

    /**
     * Offboards the tenant, exporting into {@code exportDir} first when given (a new or empty folder).
     *
     * @throws TenantExportException when the export failed (nothing was destroyed)
     */
    public OffboardingResult run(Slug slug, Optional<Path> exportDir, ProgressListener progress) {
        exportDir.ifPresent(TenantExport::requireUsable);
        return platform.underRunLock(slug, "offboard", () -> offboardLocked(slug, exportDir, progress));
    }

    private OffboardingResult offboardLocked(Slug slug, Optional<Path> exportDir, ProgressListener progress) {
        TenantRecord tenant = registry.tenants().require(slug);
        TenantState state = tenant.state();
        if (!FROM.contains(state)) {
            throw new IllegalTransitionException(state, TenantState.OFFBOARDING);
        }
        Optional<ExportSummary> export = exportDir.map(dir -> export(tenant, dir, progress));
        TeardownResult teardown = platform.offboardLocked(slug, progress);
        return new OffboardingResult(teardown, export, registry.audit().forTenant(slug.value()).size(),
                registry.approvals().forRequest(tenant.requestId()).size());
    }

    private ExportSummary export(TenantRecord tenant, Path dir, ProgressListener progress) {
        progress.event("export", "copying " + tenant.slug() + "'s schema and bucket to " + dir);
        TenantAccessLoader loader = new TenantAccessLoader(registry, platform.services().vault());
        return new TenantExport(platform.services().objectStore().backend()).write(loader.load(tenant), dir, progress);
    }
}
