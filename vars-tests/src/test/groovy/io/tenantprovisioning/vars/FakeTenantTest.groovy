package io.tenantprovisioning.vars

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue
import static org.junit.Assert.fail

import io.tenantprovisioning.model.IllegalTransitionException
import io.tenantprovisioning.model.TenantState
import org.junit.Test

/** The fake tenant steps refuse what the engine refuses: core's transitions, each handler's start states. */
class FakeTenantTest {

    private final FakeTenant tenant = new FakeTenant()
    private final Closure ok = { Map a -> 'ok' }

    @Test
    void anActiveTenantIsNeverRolledBack() {
        tenant.arrangeAt(TenantState.ACTIVE)
        refused { tenant.perform('rollbackTenant', [tenant: 'acme'], ok) }
        assertEquals(TenantState.ACTIVE, tenant.state)
    }

    @Test
    void nothingIsActivatedThatWasNotProvisionedAndValidated() {
        tenant.submitted(LibraryTestBase.autoApproved())
        refused { tenant.perform('activateTenant', [tenant: 'acme'], ok) }
        refused { tenant.perform('validateTenant', [tenant: 'acme'], ok) }
        refused { tenant.perform('recordApproval', [group: 'CFO', decision: 'APPROVED'], ok) }
    }

    @Test
    void aFailedProvisioningIsRolledBackByTheEngineAndASecondRollbackIsANoOp() {
        tenant.submitted(LibraryTestBase.autoApproved())
        try {
            tenant.perform('terraformProvision', [requestId: 'req-1'], { Map a -> throw new StepFailure('apply failed') })
            fail('the step fails')
        } catch (StepFailure expected) {
        }
        assertEquals(TenantState.ROLLED_BACK, tenant.state)
        Map again = tenant.perform('rollbackTenant', [tenant: 'acme'], { Map a -> fail('no second teardown') }) as Map
        assertTrue(again.alreadyRolledBack as boolean)
    }

    @Test
    void aRejectedRequestCannotBeProvisioned() {
        tenant.submitted(LibraryTestBase.needing(['CFO']))
        tenant.perform('recordApproval', [group: 'CFO', decision: 'REJECTED'], ok)
        assertEquals(TenantState.REJECTED, tenant.state)
        refused { tenant.perform('terraformProvision', [requestId: 'req-1'], ok) }
    }

    @Test
    void everyGroupMustApproveBeforeTheRequestIsApproved() {
        tenant.submitted(LibraryTestBase.needing(['CFO', 'CTO']))
        tenant.perform('recordApproval', [group: 'CFO', decision: 'APPROVED'], ok)
        assertEquals(TenantState.PENDING_APPROVAL, tenant.state)
        tenant.perform('recordApproval', [group: 'CTO', decision: 'APPROVED'], ok)
        assertEquals(TenantState.APPROVED, tenant.state)
    }

    private static void refused(Closure attempt) {
        try {
            attempt()
            fail('the engine refuses this move')
        } catch (IllegalTransitionException expected) {
        }
    }
}
