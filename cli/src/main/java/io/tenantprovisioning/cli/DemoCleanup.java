package io.tenantprovisioning.cli;

import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.TenantState;
import java.util.List;
import java.util.Optional;

/**
 * Makes a re-run possible: every earlier demo tenant leaves through the proper door for its state
 * (offboarded, rolled back, or its pending request rejected), so its audit trail stays complete.
 */
final class DemoCleanup {

    private final TenantPlatform platform;
    private final ProgressListener console;

    DemoCleanup(TenantPlatform platform, ProgressListener console) {
        this.platform = platform;
        this.console = console;
    }

    void cleanUp(List<DemoTenant> tenants) {
        for (DemoTenant tenant : tenants) {
            Slug slug = Slug.fromName(tenant.name());
            Optional<TenantRecord> existing = platform.ledger().find(slug);
            existing.filter(t -> !t.state().finished()).ifPresent(this::retire);
        }
    }

    private void retire(TenantRecord tenant) {
        Slug slug = tenant.slug();
        TenantState state = tenant.state();
        console.event("cleanup", "previous demo tenant " + slug + " is " + state + "; retiring it");
        switch (state) {
            case ACTIVE, DEGRADED, OFFBOARDING -> platform.offboard(slug, console);
            case PROVISIONING, CONFIGURING, VALIDATING, ROLLING_BACK, ROLLBACK_FAILED ->
                    platform.rollback(slug, console);
            case PENDING_APPROVAL, REQUESTED -> reject(tenant);
            case APPROVED -> {
                // an approved request can only go forward: provision it, then offboard it properly
                platform.job().resume(slug, EngineKind.DIRECT, console);
                retireIfLive(slug);
            }
            default -> { }
        }
    }

    private void retireIfLive(Slug slug) {
        platform.ledger().find(slug)
                .filter(t -> !t.state().finished()).ifPresent(this::retire);
    }

    private void reject(TenantRecord tenant) {
        var request = platform.ledger().details(tenant.slug()).request().orElseThrow();
        ApproverGroup group = request.route().steps().get(0).group();
        // the demo withdraws its own request: a requester may reject, never approve, what they asked for
        platform.recordApproval(request.id().toString(), group, DemoScenario.DEMO_REQUESTER, Verdict.REJECTED,
                "superseded by a new demo run");
    }
}
