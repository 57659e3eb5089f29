package io.tenantprovisioning.vars

/** Every ProvisionTenantPipelineTest again, the library compiled by groovy-cps and its state saved at every step. */
class ProvisionTenantPipelineCpsTest extends ProvisionTenantPipelineTest {
    @Override
    boolean cps() {
        return true
    }
}
