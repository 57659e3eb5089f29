package io.tenantprovisioning.vars

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue
import static org.junit.Assert.fail

import org.junit.Before
import org.junit.Rule
import org.junit.rules.TemporaryFolder
import org.junit.Test

class RevalidateTenantsTest extends LibraryTestBase {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder()

    def script
    int exitCode = 0

    @Before
    void loadLibrary() {
        script = loadScript('vars/revalidateTenants.groovy')
        helper.registerAllowedMethod('sh', [Map]) { Map m -> exitCode }
    }

    @Test
    void nightlyByDefaultBoundedParallelismAndOneJunitSuitePerTenantPublished() {
        script.call([:])

        assertEquals(['H 2 * * *'], declarative.crons)
        assertEquals([[script: "rm -f -- 'reports/revalidation'/tenant-*.xml", returnStatus: null],
                      [script: "tenantctl revalidate --all --parallel 4 --junit 'reports/revalidation'", returnStatus: true],
                      [script: "tenantctl report --html 'reports/revalidation/fleet-report.html' --stylesheet-beside", returnStatus: true]],
                argsOf('sh').collect { [script: it.script.toString(), returnStatus: it.returnStatus] })
        assertEquals('reports/revalidation/*.xml', argsOf('junit')[0].testResults.toString())
        assertEquals('SUCCESS', declarative.result())
    }

    @Test
    void theFleetPageIsArchivedWhateverTheReValidationFound() {
        for (int code : [0, 1, 6]) {
            helper.callStack.clear()
            currentBuild.result = null
            answer(code, 0)

            script.call([:])

            assertEquals("revalidate exit ${code}".toString(), [[artifacts: 'reports/revalidation/fleet-report.html,reports/revalidation/tenant-report.css', allowEmptyArchive: false]],
                    argsOf('archiveArtifacts'))
            assertEquals("revalidate exit ${code}".toString(), [0: 'SUCCESS', 1: 'UNSTABLE', 6: 'FAILURE'][code], declarative.result())
        }
    }

    @Test
    void aReportThatFailsArchivesNothingAndMakesTheBuildUnstable() {
        answer(0, 2)

        script.call([:])

        assertEquals(0, count('archiveArtifacts'))
        assertEquals(1, count('junit'))
        assertEquals('UNSTABLE', declarative.result())
    }

    /** `tenantctl revalidate` exits with one code, `tenantctl report` with the other. */
    private void answer(int revalidate, int report) {
        helper.registerAllowedMethod('sh', [Map]) { Map m -> m.script.toString().contains(' revalidate ') ? revalidate : report }
    }

    @Test
    void theScheduleParallelismAndCliAreConfigurable() {
        script.call([schedule: 'H */6 * * *', parallel: 8, tenantctl: '/opt/tenantctl/bin/tenantctl', reportsDir: 'out'])

        assertEquals(['H */6 * * *'], declarative.crons)
        assertEquals("rm -f -- 'out'/tenant-*.xml", argsOf('sh')[0].script.toString())
        assertEquals("/opt/tenantctl/bin/tenantctl revalidate --all --parallel 8 --junit 'out'", argsOf('sh')[1].script.toString())
        assertEquals("/opt/tenantctl/bin/tenantctl report --html 'out/fleet-report.html' --stylesheet-beside", argsOf('sh')[2].script.toString())
        assertEquals('out/fleet-report.html,out/tenant-report.css', argsOf('archiveArtifacts')[0].artifacts)
    }

    /**
     * The workspace outlives builds: a tenant offboarded since the last run would still have its old suite
     * there, and `junit reports/revalidation/*.xml` would publish it again. The clearing command runs for real
     * here, in a workspace holding the last run's files.
     */
    @Test
    void theLastRunsJunitFilesAreClearedBeforeThisRunWritesItsOwn() {
        File workspace = temp.newFolder('workspace')
        File reports = new File(workspace, 'reports/revalidation')
        reports.mkdirs()
        ['tenant-offboarded-since.xml', 'tenant-acme.xml', 'fleet-report.html', 'notes.txt'].each { new File(reports, it).text = 'old' }
        List<String> order = []
        helper.registerAllowedMethod('sh', [Map]) { Map m ->
            if (m.returnStatus) {
                order << (m.script.toString().contains(' revalidate ') ? 'revalidate' : 'report')
                return 0
            }
            Process shell = new ProcessBuilder('sh', '-c', m.script.toString()).directory(workspace).redirectErrorStream(true).start()
            assertEquals(shell.text, 0, shell.waitFor())
            order << 'clear'
            return null
        }

        script.call([:])

        assertEquals(['clear', 'revalidate', 'report'], order)
        assertEquals(['fleet-report.html', 'notes.txt'], reports.list().sort() as List)
    }

    @Test
    void aDegradedTenantMakesTheBuildUnstableNotFailed() {
        exitCode = 1

        script.call([:])

        assertEquals('UNSTABLE', declarative.result())
        assertEquals(1, count('junit'))
    }

    @Test
    void anyOtherExitCodeFailsTheBuild() {
        exitCode = 4

        script.call([:])

        assertEquals('FAILURE', declarative.result())
        assertTrue(declarative.buildError.message.contains('exit code 4'))
    }

    @Test
    void valuesThatWouldReachTheShellUnsafelyAreRefused() {
        try {
            script.call([parallel: 0, tenantctl: 'tenantctl; rm -rf /', reportsDir: "x' ; id #"])
            fail('unsafe settings must fail')
        } catch (StepFailure e) {
            assertTrue(e.message, e.message.contains('parallel must be'))
            assertTrue(e.message, e.message.contains("tenantctl 'tenantctl; rm -rf /'"))
            assertTrue(e.message, e.message.contains('reportsDir'))
        }
        assertEquals(0, count('sh'))
    }
}
