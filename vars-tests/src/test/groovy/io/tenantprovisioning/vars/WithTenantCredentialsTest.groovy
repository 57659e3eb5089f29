package io.tenantprovisioning.vars

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue
import static org.junit.Assert.fail

import org.junit.Before
import org.junit.Test

class WithTenantCredentialsTest extends LibraryTestBase {

    def script

    @Before
    void loadLibrary() {
        script = loadScript('vars/withTenantCredentials.groovy')
    }

    @Test
    void bindsEachVariableFromItsSecretTextCredentialAroundTheBody() {
        boolean ran = false

        def result = script.call([REGISTRY_DB_PASSWORD: 'db-pw', REDIS_PASSWORD: 'redis-pw']) { ran = true; 'done' }

        assertTrue(ran)
        assertEquals('done', result)
        assertEquals([[credentialsId: 'db-pw', variable: 'REGISTRY_DB_PASSWORD'],
                      [credentialsId: 'redis-pw', variable: 'REDIS_PASSWORD']], argsOf('withCredentials')[0])
    }

    @Test
    void noCredentialsRunsTheBodyAsIs() {
        def result = script.call([:]) { 'plain' }

        assertEquals('plain', result)
        assertEquals(0, count('withCredentials'))
    }

    @Test
    void aNameThatIsNotAnEnvironmentVariableIsRefused() {
        try {
            script.call(['registry password': 'db-pw']) { fail('the body must not run') }
            fail('a bad name must fail')
        } catch (StepFailure e) {
            assertTrue(e.message, e.message.contains('[registry password]'))
        }
        assertEquals(0, count('withCredentials'))
    }
}
