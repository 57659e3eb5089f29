package io.tenantprovisioning.vars

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue
import static org.junit.Assert.fail

import org.junit.Before
import org.junit.Test

/** withTenantCredentials under CPS, its body written in a pipeline script (see credentialsCaller.groovy). */
class WithTenantCredentialsCpsTest extends LibraryTestBase {

    def library
    def caller

    @Override
    boolean cps() {
        return true
    }

    @Before
    void loadScripts() {
        library = loadScript('vars/withTenantCredentials.groovy')
        caller = loadScript('vars-tests/src/test/jenkins/credentialsCaller.groovy')
    }

    @Test
    void bindsEachVariableFromItsSecretTextCredentialAroundTheBody() {
        def result = caller.around(library, [REGISTRY_DB_PASSWORD: 'db-pw', REDIS_PASSWORD: 'redis-pw'])

        assertEquals('done', result)
        assertEquals(['the body ran'], argsOf('echo'))
        assertEquals([[credentialsId: 'db-pw', variable: 'REGISTRY_DB_PASSWORD'],
                      [credentialsId: 'redis-pw', variable: 'REDIS_PASSWORD']], argsOf('withCredentials')[0])
    }

    @Test
    void noCredentialsRunsTheBodyAsIs() {
        assertEquals('done', caller.around(library, [:]))
        assertEquals(0, count('withCredentials'))
    }

    @Test
    void aNameThatIsNotAnEnvironmentVariableIsRefused() {
        try {
            caller.around(library, ['registry password': 'db-pw'])
            fail('a bad name must fail')
        } catch (StepFailure e) {
            assertTrue(e.message, e.message.contains('[registry password]'))
        }
        assertEquals(0, count('echo'))
    }
}
