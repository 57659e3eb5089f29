package io.tenantprovisioning.vars

/** Every ApprovalTrustBoundariesRealStepsTest again, the library compiled by groovy-cps and its state saved at every step. */
class ApprovalTrustBoundariesRealStepsCpsTest extends ApprovalTrustBoundariesRealStepsTest {
    @Override
    boolean cps() {
        return true
    }
}
