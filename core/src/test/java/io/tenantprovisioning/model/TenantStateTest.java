package io.tenantprovisioning.model;

import io.tenantprovisioning.model.IllegalTransitionException;
import io.tenantprovisioning.model.TenantState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

public class TenantStateTest {

    /** The lifecycle of ARCHITECTURE.md, written out independently of TenantState. */
    static final Set<String> LEGAL = Set.of(
            "REQUESTED>PENDING_APPROVAL", "REQUESTED>APPROVED", "REQUESTED>REJECTED",
            "PENDING_APPROVAL>APPROVED", "PENDING_APPROVAL>REJECTED",
            "APPROVED>PROVISIONING", "APPROVED>PENDING_APPROVAL",
            "PROVISIONING>CONFIGURING", "PROVISIONING>ROLLING_BACK", "PROVISIONING>PENDING_APPROVAL",
            "CONFIGURING>VALIDATING", "CONFIGURING>ROLLING_BACK",
            "VALIDATING>ACTIVE", "VALIDATING>ROLLING_BACK",
            "ACTIVE>DEGRADED", "ACTIVE>OFFBOARDING",
            "DEGRADED>ACTIVE", "DEGRADED>OFFBOARDING",
            "ROLLING_BACK>ROLLED_BACK", "ROLLING_BACK>ROLLBACK_FAILED",
            "ROLLBACK_FAILED>ROLLING_BACK",
            "OFFBOARDING>OFFBOARDED");

    public static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (TenantState from : TenantState.values()) {
            for (TenantState to : TenantState.values()) {
                pairs.add(Arguments.of(from, to, LEGAL.contains(from + ">" + to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} → {1} legal={2}")
    @MethodSource("everyPair")
    void theTransitionTableIsExactlyTheArchitecturesLifecycle(TenantState from, TenantState to, boolean legal) {
        assertThat(from.canMoveTo(to)).isEqualTo(legal);
        if (legal) {
            from.requireMoveTo(to);
        } else {
            assertThatThrownBy(() -> from.requireMoveTo(to))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining(from.name() + " → " + to.name());
        }
    }

    @Test
    void theStatesAreExactlyTheArchitecturesStates() {
        assertThat(TenantState.values()).extracting(Enum::name).containsExactly("REQUESTED", "PENDING_APPROVAL",
                "APPROVED", "REJECTED", "PROVISIONING", "CONFIGURING", "VALIDATING", "ACTIVE", "DEGRADED",
                "ROLLING_BACK", "ROLLED_BACK", "ROLLBACK_FAILED", "OFFBOARDING", "OFFBOARDED");
    }

    @Test
    void approvedCannotRollBackBecauseNothingWasCreatedYet() {
        assertThatThrownBy(() -> TenantState.APPROVED.requireMoveTo(TenantState.ROLLING_BACK))
                .hasMessage("illegal transition APPROVED → ROLLING_BACK: from APPROVED a tenant may only move to "
                        + "PENDING_APPROVAL, PROVISIONING");
    }

    @Test
    void finishedStatesFreeTheSlug() {
        assertThat(Stream.of(TenantState.values()).filter(TenantState::finished))
                .containsExactlyInAnyOrder(TenantState.REJECTED, TenantState.ROLLED_BACK, TenantState.OFFBOARDED);
        assertThat(io.tenantprovisioning.registry.TenantRecords.FINISHED_STATES)
                .containsExactlyInAnyOrder("REJECTED", "ROLLED_BACK", "OFFBOARDED");
    }

    @Test
    void parsesStateNamesLeniently() {
        assertThat(TenantState.parse("pending-approval")).contains(TenantState.PENDING_APPROVAL);
        assertThat(TenantState.parse(" active ")).contains(TenantState.ACTIVE);
        assertThat(TenantState.parse("ready")).isEmpty();
        assertThat(TenantState.parse(null)).isEmpty();
    }
}
