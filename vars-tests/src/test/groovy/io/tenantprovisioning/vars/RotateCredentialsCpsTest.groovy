package io.tenantprovisioning.vars

/** Every RotateCredentialsTest again, the library compiled by groovy-cps and its state saved at every step. */
class RotateCredentialsCpsTest extends RotateCredentialsTest {
    @Override
    boolean cps() {
        return true
    }
}
