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
    void monthlyByDefaultOneFleetRotationWhoseJunitIsPublishedAndPageArchived() {
        script.call([:])

        assertEquals(['H 3 1 * *'], declarative.crons)
        assertEquals(["mkdir -p 'reports/rotation'",
                      "tenantctl rotate --all --junit 'reports/rotation/rotation.xml' --html " +
                              "'reports/rotation/rotation.html' --stylesheet-beside --json > 'reports/rotation/rotation.json'"],
                argsOf('sh').collect { it.script.toString() })
        assertEquals('reports/rotation/*.xml', argsOf('junit')[0].testResults.toString())
        assertEquals('reports/rotation/*.json,reports/rotation/*.html,reports/rotation/*.css',
                argsOf('archiveArtifacts')[0].artifacts.toString())
        assertEquals(String.valueOf(declarative.buildError), 'SUCCESS', declarative.result())
    }

    @Test
    void theAgeLimitAndTheKindsGoToTheFleetRotation() {
        script.call([olderThanDays: 0, only: 'redis,jwt'])

        assertEquals("tenantctl rotate --all --older-than 0 --only redis,jwt --junit 'reports/rotation/rotation.xml' " +
                "--html 'reports/rotation/rotation.html' --stylesheet-beside --json > 'reports/rotation/rotation.json'",
                argsOf('sh')[1].script.toString())
    }

    @Test
    void theParallelismGoesToTheFleetRotation() {
        script.call([olderThanDays: 60, parallel: 4])

        assertEquals("tenantctl rotate --all --older-than 60 --parallel 4 --junit 'reports/rotation/rotation.xml' " +
                "--html 'reports/rotation/rotation.html' --stylesheet-beside --json > 'reports/rotation/rotation.json'",
                argsOf('sh')[1].script.toString())
    }

    @Test
    void namedTenantsAreOneRotateCallEachWithTheirReports() {
        script.call([tenants: ['acme-corp', 'globex']])

        assertEquals(["mkdir -p 'reports/rotation'",
                      "tenantctl rotate acme-corp --junit 'reports/rotation/acme-corp.xml' --html " +
                              "'reports/rotation/acme-corp.html' --stylesheet-beside --json > 'reports/rotation/acme-corp.json'",
                      "tenantctl rotate globex --junit 'reports/rotation/globex.xml' --html " +
                              "'reports/rotation/globex.html' --stylesheet-beside --json > 'reports/rotation/globex.json'"],
                argsOf('sh').collect { it.script.toString() })
        assertEquals('SUCCESS', declarative.result())
    }

    @Test
    void onlyAndTheCliAreConfigurable() {
        script.call([tenants: ['acme-corp'], only: 'db,jwt', tenantctl: '/opt/tenantctl/bin/tenantctl', reportsDir: 'out'])

        assertEquals("/opt/tenantctl/bin/tenantctl rotate acme-corp --only db,jwt --junit 'out/acme-corp.xml' " +
                "--html 'out/acme-corp.html' --stylesheet-beside --json > 'out/acme-corp.json'",
                argsOf('sh')[1].script.toString())
    }

    @Test
    void aFleetRotationWithATenantNotRotatedIsUnstable() {
        exitCodes = ['--all': 1]

        script.call([:])

        assertEquals('UNSTABLE', declarative.result())
        assertEquals(1, count('junit'))
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
    void anAgeLimitThatIsNoNumberOrGoesWithNamedTenantsIsRefused() {
        for (Map config : [[olderThanDays: '90; id'], [tenants: ['acme-corp'], olderThanDays: 30], [tenants: 'acme-corp'],
                           [parallel: 0], [parallel: '4; id'], [tenants: ['acme-corp'], parallel: 2]]) {
            try {
                script.call(config)
                fail("${config} must fail")
            } catch (StepFailure e) {
                assertTrue(e.message, e.message.contains('olderThanDays') || e.message.contains('tenants must be a list')
                        || e.message.contains('parallel'))
            }
        }
        assertEquals(0, count('sh'))
    }
}
