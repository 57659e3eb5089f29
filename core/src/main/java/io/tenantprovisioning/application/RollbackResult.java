package io.tenantprovisioning.application;

import io.tenantprovisioning.model.TenantState;
import java.util.List;

/**
 * How a rollback ended. Closed: rolled back now, already rolled back before (a no-op that says so,
 * so a second rollback — a pipeline's {@code post { failure }} after the engine rolled back — is a
 * success), nothing applied yet (a no-op that says so, the request left pending), or incomplete with the
 * survivors the sweep still finds.
 */
public sealed interface RollbackResult {

    String slug();

    TenantState state();

    /** One line per compensation that failed (the sweep may still have removed the resource). */
    List<String> compensationErrors();

    /** Resources the sweep still found (kind/name); empty means ROLLED_BACK. */
    List<String> survivors();

    default boolean complete() {
        return survivors().isEmpty();
    }

    /** A person-readable one-liner. */
    String summary();

    /** Compensations ran and the sweep found nothing left. */
    record RolledBack(String slug, List<String> compensationErrors) implements RollbackResult {
        public RolledBack {
            compensationErrors = List.copyOf(compensationErrors);
        }

        @Override
        public TenantState state() {
            return TenantState.ROLLED_BACK;
        }

        @Override
        public List<String> survivors() {
            return List.of();
        }

        @Override
        public String summary() {
            return slug + " is ROLLED_BACK; the sweep found nothing left";
        }
    }

    /** The tenant was ROLLED_BACK before this call: nothing was done. */
    record AlreadyRolledBack(String slug) implements RollbackResult {
        @Override
        public TenantState state() {
            return TenantState.ROLLED_BACK;
        }

        @Override
        public List<String> compensationErrors() {
            return List.of();
        }

        @Override
        public List<String> survivors() {
            return List.of();
        }

        @Override
        public String summary() {
            return slug + " was already ROLLED_BACK; nothing to do";
        }
    }

    /**
     * Nothing was applied for the tenant (waiting for approval, e.g. a Terraform plan refused at the apply sent it
     * back for a new one; no resource in its journal was created): nothing to roll back, and the pending request is
     * left as it is. A success, so a pipeline's {@code post { failure { rollbackTenant } }} after such a refusal
     * passes and says why.
     */
    record NothingApplied(String slug, TenantState state) implements RollbackResult {
        @Override
        public List<String> compensationErrors() {
            return List.of();
        }

        @Override
        public List<String> survivors() {
            return List.of();
        }

        @Override
        public String summary() {
            return slug + " is " + state + " and nothing was applied for it (no resource in its journal was created):"
                    + " nothing to roll back; the request is left as it is";
        }
    }

    /** The sweep still finds resources: ROLLBACK_FAILED, to be retried once the cause is fixed. */
    record Incomplete(String slug, List<String> compensationErrors, List<String> survivors)
            implements RollbackResult {
        public Incomplete {
            compensationErrors = List.copyOf(compensationErrors);
            survivors = List.copyOf(survivors);
            if (survivors.isEmpty()) {
                throw new IllegalArgumentException("an incomplete rollback has survivors");
            }
        }

        @Override
        public TenantState state() {
            return TenantState.ROLLBACK_FAILED;
        }

        @Override
        public String summary() {
            return slug + " is ROLLBACK_FAILED; the sweep still finds " + survivors;
        }
    }

    static RollbackResult of(TeardownResult teardown) {
        if (teardown.complete()) {
            return new RolledBack(teardown.slug(), teardown.compensationErrors());
        }
        // a service the sweep could not ask (Redis down) leaves no listed survivor, yet nothing is proven gone
        List<String> left = new java.util.ArrayList<>(teardown.sweep().survivors());
        if (left.isEmpty()) {
            teardown.sweep().errors().forEach(e -> left.add("not confirmed gone, the sweep could not ask: " + e));
        }
        return new Incomplete(teardown.slug(), teardown.compensationErrors(), left);
    }
}
