package io.tenantprovisioning.application;

import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.validation.ValidationReport;
import io.tenantprovisioning.validation.report.JsonReport;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** validate: runs the eight checks on a provisioned tenant and records the run. Changes no state. */
public final class ValidateHandler {

    public static final Set<TenantState> STARTS_FROM = EnumSet.of(TenantState.VALIDATING, TenantState.ACTIVE,
            TenantState.DEGRADED);

    private final PlatformGraph graph;

    ValidateHandler(PlatformGraph graph) {
        this.graph = graph;
    }

    public ValidationReport validate(Slug slug, ProgressListener progress) {
        return graph.underRunLock(slug, "validate", () -> {
            TenantRecord tenant = graph.registry.tenants().require(slug);
            if (!STARTS_FROM.contains(tenant.state())) {
                throw new IllegalStateException("tenant '" + slug + "' is " + tenant.state()
                        + "; only a provisioned tenant (VALIDATING, ACTIVE, DEGRADED) can be validated");
            }
            return validateLocked(tenant, progress);
        });
    }

    /** The caller holds the run lock. */
    ValidationReport validateLocked(TenantRecord tenant, ProgressListener progress) {
        graph.failurePoints.reach("validate");
        Instant started = Instant.now();
        ValidationReport report = ValidationChecks.suite(graph.services, graph.accessLoader.expectedTags(tenant))
                .run(graph.accessLoader.load(tenant), progress);
        graph.registry.validationRuns().record(tenant.id(), started, Instant.now(), report.passed(),
                JsonReport.render(report));
        return report;
    }
}
