package io.tenantprovisioning.vars

/** Every JenkinsfileExampleTest again, the library compiled by groovy-cps and its state saved at every step. */
class JenkinsfileExampleCpsTest extends JenkinsfileExampleTest {
    @Override
    boolean cps() {
        return true
    }
}
