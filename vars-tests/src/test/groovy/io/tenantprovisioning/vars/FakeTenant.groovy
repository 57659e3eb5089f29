package io.tenantprovisioning.vars

import io.tenantprovisioning.application.ActivateHandler
import io.tenantprovisioning.application.DecideHandler
import io.tenantprovisioning.application.ProvisionHandler
import io.tenantprovisioning.application.RollbackHandler
import io.tenantprovisioning.application.SubmitHandler
import io.tenantprovisioning.application.ValidateHandler
import io.tenantprovisioning.model.IllegalTransitionException
import io.tenantprovisioning.model.TenantState

/**
 * The one tenant the fake tenant steps act on, moved by core's own rules: each step starts only from its
 * handler's STARTS_FROM (else it throws IllegalTransitionException, as the engine does), and every move is
 * TenantState.requireMoveTo. A step's canned answer (LibraryTestBase.tenantSteps) says what it returns or
 * throws; this says what that does to the tenant, as the engine would: a failed provisioning is rolled
 * back by the engine itself (ROLLED_BACK), a failed validation leaves the tenant VALIDATING, a rollback of
 * a ROLLED_BACK tenant is a no-op.
 */
class FakeTenant {

    TenantState state
    final List<String> moves = []
    private List<String> pendingGroups = []

    Object perform(String step, Map args, Closure answer) {
        switch (step) {
            case 'approveBudget': return submit(args, answer)
            case 'recordApproval': return decide(args, answer)
            case 'terraformProvision': return provision(args, answer)
            case 'validateTenant': return validate(args, answer)
            case 'activateTenant': return activate(args, answer)
            case 'rollbackTenant': return rollback(args, answer)
            default: throw new IllegalArgumentException("no tenant step ${step}")
        }
    }

    /** Arranges a tenant already in {@code state} (a test that starts in the middle of the pipeline). */
    void arrangeAt(TenantState state) {
        moves << "arranged at ${state}".toString()
        this.state = state
    }

    /** A request already recorded (tests that start at the approval loop). */
    void submitted(Map request) {
        move(TenantState.REQUESTED)
        pendingGroups = (request.route ?: []).collect { it.group as String }
        move(request.autoApproved ? TenantState.APPROVED : TenantState.PENDING_APPROVAL)
    }

    private Object submit(Map args, Closure answer) {
        if (state != null && !SubmitHandler.STARTS_FROM.contains(state)) {
            throw new IllegalStateException("tenant is ${state}; a new request starts only from ${SubmitHandler.STARTS_FROM}")
        }
        Map request = answer.call(args) as Map
        state = null
        submitted(request)
        return request
    }

    private Object decide(Map args, Closure answer) {
        require(DecideHandler.STARTS_FROM, TenantState.APPROVED)
        Object value = answer.call(args)
        if (args.decision == 'REJECTED') {
            move(TenantState.REJECTED)
        } else {
            pendingGroups -= (args.group as String)
            if (pendingGroups.isEmpty()) {
                move(TenantState.APPROVED)
            }
        }
        return value
    }

    private Object provision(Map args, Closure answer) {
        require(ProvisionHandler.STARTS_FROM, TenantState.PROVISIONING)
        move(TenantState.PROVISIONING)
        try {
            Object value = answer.call(args)
            move(TenantState.CONFIGURING)
            move(TenantState.VALIDATING)
            return value
        } catch (InterruptedException aborted) {
            throw aborted   // the build was aborted: the engine stops; the pipeline's rollback finishes it
        } catch (Exception failed) {
            move(TenantState.ROLLING_BACK)
            move(TenantState.ROLLED_BACK)
            throw failed
        }
    }

    private Object validate(Map args, Closure answer) {
        require(ValidateHandler.STARTS_FROM, TenantState.VALIDATING)
        return answer.call(args)
    }

    private Object activate(Map args, Closure answer) {
        require(ActivateHandler.STARTS_FROM, TenantState.ACTIVE)
        Object value = answer.call(args)
        move(TenantState.ACTIVE)
        return value
    }

    private Object rollback(Map args, Closure answer) {
        require(RollbackHandler.STARTS_FROM, TenantState.ROLLING_BACK)
        if (state == TenantState.ROLLED_BACK) {
            return [slug: args.tenant, state: 'ROLLED_BACK', complete: true, compensationErrors: [], survivors: [],
                    alreadyRolledBack: true]
        }
        move(TenantState.ROLLING_BACK)
        Object value = answer.call(args)
        move(TenantState.ROLLED_BACK)
        return value
    }

    private void require(Set<TenantState> startsFrom, TenantState target) {
        if (state == null || !startsFrom.contains(state)) {
            throw new IllegalTransitionException(state ?: TenantState.REQUESTED, target)
        }
    }

    private void move(TenantState to) {
        if (state != null) {
            state.requireMoveTo(to)
        }
        moves << "${state} → ${to}".toString()
        state = to
    }
}
