package io.tenantprovisioning.testing;

import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.TenantState;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Leaves a test tenant with nothing on the services whatever state a failed test left it in: rolls
 * back or offboards it as its state allows, then sweeps the slug once it is finished. Tenants that
 * never got past approval hold no resources and are left as they are.
 */
public final class TenantCleanup {

    private static final Set<TenantState> ROLL_BACK = EnumSet.of(TenantState.PROVISIONING, TenantState.CONFIGURING,
            TenantState.VALIDATING, TenantState.ROLLING_BACK, TenantState.ROLLBACK_FAILED);
    private static final Set<TenantState> OFFBOARD = EnumSet.of(TenantState.ACTIVE, TenantState.DEGRADED,
            TenantState.OFFBOARDING);
    private static final ProgressListener QUIET = (step, message) -> { };

    private TenantCleanup() {
    }

    public static void finish(TenantPlatform platform, Slug slug) {
        Optional<TenantState> state = platform.services().registry().tenants().find(slug)
                .map(t -> t.state());
        if (state.isPresent() && ROLL_BACK.contains(state.get())) {
            platform.rollback(slug, QUIET);
        } else if (state.isPresent() && OFFBOARD.contains(state.get())) {
            platform.offboard(slug, QUIET);
        }
        boolean live = platform.services().registry().tenants().find(slug)
                .map(t -> !t.state().finished()).orElse(false);
        if (!live) {
            platform.sweep(Optional.of(slug), false, QUIET);
        }
    }
}
