package io.tenantprovisioning.application;

import io.tenantprovisioning.application.ExportSummary;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.IllegalTransitionException;
import io.tenantprovisioning.application.TeardownResult;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.resource.ResourceException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ACTIVE/DEGRADED → OFFBOARDING → OFFBOARDED, with an optional data export first. Export and teardown run
 * under one run lock, so nothing changes the tenant between the copy and the destroy; a failed export
 * destroys nothing. The registry row, the approvals and the audit trail are kept.
 */
public final class Offboarding {

    /** OFFBOARDING: an offboarding whose sweep left something is run again. */
    public static final Set<TenantState> STARTS_FROM = EnumSet.of(TenantState.ACTIVE, TenantState.DEGRADED,
            TenantState.OFFBOARDING);

    private final PlatformGraph graph;
    private final Registry registry;
    private final Teardown teardown;

    Offboarding(PlatformGraph graph, Teardown teardown) {
        this.graph = graph;
        this.registry = graph.registry;
        this.teardown = teardown;
    }

    /**
     * Offboards the tenant, exporting into {@code exportDir} first when given (a new or empty folder).
     *
     * @throws TenantExportException when the export failed (nothing was destroyed)
     */
    public OffboardingResult run(Slug slug, Optional<Path> exportDir, ProgressListener progress) {
        exportDir.ifPresent(TenantExport::requireUsable);
        return graph.underRunLock(slug, "offboard", () -> offboardLocked(slug, exportDir, progress));
    }

    private OffboardingResult offboardLocked(Slug slug, Optional<Path> exportDir, ProgressListener progress) {
        TenantRecord tenant = registry.tenants().require(slug);
        TenantState state = tenant.state();
        if (!STARTS_FROM.contains(state)) {
            throw new IllegalTransitionException(state, TenantState.OFFBOARDING);
        }
        Optional<ExportSummary> export = exportDir.map(dir -> export(tenant, dir, progress));
        if (export.isEmpty()) {
            reportUnexportedRows(slug, progress);
        }
        // after the export (a failed one leaves the tenant serving, its change still open), before anything goes
        new ChangeRecords(registry).cancelOpen(tenant, graph.actor(), "the tenant is being offboarded")
                .ifPresent(v -> progress.event("offboard", "change v" + v.version() + " (" + v.status()
                        + ") cancelled: it will never be applied"));
        TeardownResult result = teardown.offboard(slug, graph.actor(), "offboarding requested", progress);
        return new OffboardingResult(result, export, registry.audit().forTenant(slug.value()).size(),
                registry.approvals().forRequest(tenant.requestId()).size());
    }

    private ExportSummary export(TenantRecord tenant, Path dir, ProgressListener progress) {
        progress.event("export", "copying " + tenant.slug() + "'s schema and bucket to " + dir);
        return new TenantExport(graph.services.objectStore().backend(), graph.services.postgres()::countAllRows)
                .write(graph.accessLoader.load(tenant), dir, progress);
    }

    /** Without an export, say what goes with the schema: every row, counted as the admin. */
    private void reportUnexportedRows(Slug slug, ProgressListener progress) {
        try {
            Map<String, Long> rows = graph.services.postgres().countAllRows(slug);
            progress.event("offboard", "not exported: the schema's " + rows.values().stream()
                    .mapToLong(Long::longValue).sum() + " rows in " + rows.size() + " tables go with it");
        } catch (ResourceException e) {
            // only a report: the teardown (and its sweep) decides whether offboarding is complete
            progress.event("offboard", "could not count the schema's rows before dropping it: " + e.getMessage());
        }
    }
}
