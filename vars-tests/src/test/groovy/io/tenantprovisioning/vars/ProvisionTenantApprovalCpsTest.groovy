package io.tenantprovisioning.vars

/** Every ProvisionTenantApprovalTest again, the library compiled by groovy-cps and its state saved at every step. */
class ProvisionTenantApprovalCpsTest extends ProvisionTenantApprovalTest {
    @Override
    boolean cps() {
        return true
    }
}
