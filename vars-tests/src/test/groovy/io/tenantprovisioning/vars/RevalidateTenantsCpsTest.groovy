package io.tenantprovisioning.vars

/** Every RevalidateTenantsTest again, the library compiled by groovy-cps and its state saved at every step. */
class RevalidateTenantsCpsTest extends RevalidateTenantsTest {
    @Override
    boolean cps() {
        return true
    }
}
