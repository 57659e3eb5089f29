package io.tenantprovisioning.vars

/** Every ProvisionTenantRealStepsTest again (the real steps on the real services), the library compiled by groovy-cps and its state saved at every step. */
class ProvisionTenantRealStepsCpsTest extends ProvisionTenantRealStepsTest {
    @Override
    boolean cps() {
        return true
    }
}
