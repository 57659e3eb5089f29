package io.tenantprovisioning.faults;

import io.tenantprovisioning.registry.TransitionGuard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.request.Slug;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transition hook fails before a move to the armed state, and asks its delegate otherwise. */
class FaultInjectingTransitionsTest {

    private static final Slug SLUG = Slug.of("acme-corp");

    @Test
    void failsBeforeTheArmedTargetStateOnly() {
        List<String> seen = new ArrayList<>();
        TransitionGuard guard = new FaultInjectingTransitions((tenant, from, to) -> seen.add(from + "->" + to),
                FaultPlan.parse("lifecycle-transition:active=fail"));
        guard.beforeTransition(SLUG, TenantState.CONFIGURING, TenantState.VALIDATING);
        assertThatThrownBy(() -> guard.beforeTransition(SLUG, TenantState.VALIDATING, TenantState.ACTIVE))
                .isInstanceOf(InjectedFault.class)
                .hasMessageContaining("lifecycle-transition:ACTIVE");
        guard.beforeTransition(SLUG, TenantState.VALIDATING, TenantState.ROLLING_BACK);
        assertThat(seen).containsExactly("CONFIGURING->VALIDATING", "VALIDATING->ROLLING_BACK");
    }

    @Test
    void theNoneGuardLetsEverythingThrough() {
        TransitionGuard.NONE.beforeTransition(SLUG, TenantState.APPROVED, TenantState.PROVISIONING);
    }
}
