package io.tenantprovisioning.vars

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue
import static org.junit.Assert.fail

import org.junit.Before
import org.junit.Test

class RotateCredentialsTest extends LibraryTestBase {

    def script
    Map<String, Integer> exitCodes = [:]

    @Before
    void loadLibrary() {
        script = loadScript('vars/rotateCredentials.groovy')
        helper.registerAllowedMethod('sh', [Map]) { Map m ->
            String command = m.script.toString()
            String slug = exitCodes.keySet().find { command.contains(" rotate ${it} ") }
            slug == null ? 0 : exitCodes[slug]
        }
    }

    @Test
    void monthlyByDefaultOneRotateCallPerTenantAndTheirJsonArchived() {
        script.call([tenants: ['acme-corp', 'globex']])

        assertEquals(['H 3 1 * *'], declarative.crons)
        assertEquals(["mkdir -p 'reports/rotation'",
                      "tenantctl rotate acme-corp --json > 'reports/rotation/acme-corp.json'",
                      "tenantctl rotate globex --json > 'reports/rotation/globex.json'"],
                argsOf('sh').collect { it.script.toString() })
        assertEquals('reports/rotation/*.json', argsOf('archiveArtifacts')[0].artifacts.toString())
        assertEquals('SUCCESS', declarative.result())
    }

    @Test
    void onlyAndTheCliAreConfigurable() {
        script.call([tenants: ['acme-corp'], only: 'db,jwt', tenantctl: '/opt/tenantctl/bin/tenantctl', reportsDir: 'out'])

        assertEquals("/opt/tenantctl/bin/tenantctl rotate acme-corp --only db,jwt --json > 'out/acme-corp.json'",
                argsOf('sh')[1].script.toString())
    }

    @Test
    void aCredentialThatKeptItsWorkingValueMakesTheBuildUnstableAndTheOthersStillRun() {
        exitCodes = ['acme-corp': 1]

        script.call([tenants: ['acme-corp', 'globex']])

        assertEquals(3, count('sh'))
        assertEquals('UNSTABLE', declarative.result())
    }

    @Test
    void anyOtherExitCodeFailsTheBuildAfterEveryTenantWasTried() {
        exitCodes = ['acme-corp': 4]

        script.call([tenants: ['acme-corp', 'globex']])

        assertEquals(3, count('sh'))
        assertEquals('FAILURE', declarative.result())
        assertTrue(declarative.buildError.message, declarative.buildError.message.contains('acme-corp (exit 4)'))
        assertEquals(1, count('archiveArtifacts'))
    }

    @Test
    void valuesThatWouldReachTheShellUnsafelyAreRefused() {
        try {
            script.call([tenants: ['ok-slug', 'x; rm -rf /'], only: 'db;id', tenantctl: 'tenantctl; rm -rf /'])
            fail('unsafe settings must fail')
        } catch (StepFailure e) {
            assertTrue(e.message, e.message.contains('are not slugs'))
            assertTrue(e.message, e.message.contains("only 'db;id'"))
            assertTrue(e.message, e.message.contains("tenantctl 'tenantctl; rm -rf /'"))
        }
        assertEquals(0, count('sh'))
    }

    @Test
    void noTenantsIsRefused() {
        try {
            script.call([:])
            fail('a rotation of nobody must fail')
        } catch (StepFailure e) {
            assertTrue(e.message, e.message.contains('tenants must name at least one tenant slug'))
        }
    }
}
