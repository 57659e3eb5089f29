package io.tenantprovisioning.vars

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertFalse
import static org.junit.Assert.assertTrue

import io.tenantprovisioning.approval.Actor
import io.tenantprovisioning.approval.ApproverGroup
import io.tenantprovisioning.approval.Verdict
import io.tenantprovisioning.config.Setting
import io.tenantprovisioning.config.Settings
import io.tenantprovisioning.engine.terraform.StateEncryption
import io.tenantprovisioning.jenkins.LocalBuild
import io.tenantprovisioning.jenkins.RecordedBuild
import io.tenantprovisioning.application.TenantPlatform
import io.tenantprovisioning.progress.ProgressListener
import io.tenantprovisioning.request.Slug
import io.tenantprovisioning.testing.TenantCleanup
import io.tenantprovisioning.testing.TenantFootprint
import io.tenantprovisioning.testing.TestRequests
import io.tenantprovisioning.testing.TestServices
import org.junit.After
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

/**
 * provisionTenant's whole pipeline with the plugin's real steps (not canned answers) against the real
 * local services of scripts/services.sh: only the Jenkins machinery (Declarative, input, lock, junit)
 * is the stand-in. Catches what the fakes cannot, such as how the engine's own rollback inside
 * terraformProvision meets the pipeline's `post { failure { rollbackTenant } }` (issue #14).
 *
 * <p>Needs the services up (scripts/services.sh up). Run it with the modules it uses, which are never
 * installed: {@code mvn -pl vars-tests -am test -Dtest=ProvisionTenantRealStepsTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ProvisionTenantRealStepsTest extends LibraryTestBase {

    /** Not ProgressListener.silent(): Groovy 2.4 cannot call a static method of an interface. */
    static final ProgressListener QUIET = { String step, String message -> } as ProgressListener

    @Rule
    public TemporaryFolder temp = new TemporaryFolder()

    Slug slug
    Settings settings
    File workspace
    RealTenantSteps steps
    /** The test's own view of the registry and services, for assertions and cleanup. */
    TenantPlatform platform
    def script

    @Before
    void runTheRealSteps() {
        // a fresh tenant per run, so reruns and concurrent runs never meet
        slug = TestServices.uniqueSlug('jenkins')
        // the embedded backends' folders per test, as core's tests do; the services are the shared ones
        settings = TestServices.settings().with([(Setting.DATA_DIR): temp.newFolder('data').path])
        workspace = temp.newFolder('workspace')
        // BUILD_TAG is the request's idempotency key: a repeated tag would replay an earlier request
        Map<String, String> buildEnv = environmentOf(settings) +
                [BUILD_TAG: "jenkins-tenants-provision-${slug.value()}".toString(), BUILD_NUMBER: '7',
                 JOB_NAME : 'tenants/provision']
        // the build Jenkins records as started by the user the library's currentBuild names
        steps = new RealTenantSteps(new LocalBuild(buildEnv, workspace.toPath(),
                RecordedBuild.startedBy(buildCauses[0].userId as String)))
        tenantSteps.putAll(steps.asPipelineSteps())
        tenant = null   // the real engine is the state machine here
        // the reports the real validateTenant writes are real files in the workspace
        helper.registerAllowedMethod('fileExists', [String]) { String path -> new File(workspace, path).isFile() }
        platform = TenantPlatform.open(settings, QUIET)

        script = loadScript('vars/provisionTenant.groovy')
        // Bronze with a budget of 5 lakh is auto-approved: no input, no approver needed
        binding.setVariable('params', params(TENANT_NAME: TestRequests.nameFor(slug), TIER: 'Bronze',
                REGION: 'us-east-1', BUDGET: '500000', ENGINE: 'direct'))
    }

    @After
    void leaveNothingOfTheTenant() {
        try {
            if (platform != null) {
                TenantCleanup.finish(platform, slug)
            }
        } finally {
            platform?.close()
        }
    }

    @Test
    void aFailureInsideTerraformProvisionIsRolledBackOnceAndTheRollbackStepDoesNotFailAgain() {
        // every resource exists when configuring fails, so the engine's own rollback has all to destroy
        // a failure the controller's configuration injects: a build's withEnv no longer reaches the steps
        steps.build.configureController([(Setting.TENANTCTL_FAIL_AT): 'configure'])

        script.call([:])

        assertEquals(report(), "#7 ${slug.value()}".toString(), currentBuild.displayName.toString())
        assertEquals(report(), 'FAILURE', declarative.result())
        assertTrue(report(), declarative.buildError?.message?.contains("injected failure at step 'configure'"))
        assertEquals('rollbackTenant calls\n' + report(), 1, count('rollbackTenant'))
        assertEquals('steps that failed\n' + report(), ['terraformProvision'], steps.failedSteps())
        assertEquals('errors in post conditions\n' + report(), [], declarative.postErrors)
        Map rollback = steps.valuesOf('rollbackTenant')[0] as Map
        assertEquals(report(), 'ROLLED_BACK', rollback.state)
        assertEquals(report(), true, rollback.complete)
        assertEquals(0, count('validateTenant'))
        assertEquals(0, count('activateTenant'))

        assertEquals(report(), 'ROLLED_BACK', registryState())
        assertNothingOfTheTenantLeft()
        assertNoSecretInTheBuildLog()
    }

    @Test
    void anAutoApprovedBronzeTenantBecomesActiveThroughTheRealStepsAndOffboardsToNothing() {
        script.call([:])

        assertEquals(report(), 'SUCCESS', declarative.result())
        assertEquals(report(), [], steps.failedSteps())
        assertEquals(['Request', 'Provision'], declarative.stagesRun)
        assertEquals(['Approval'], declarative.stagesSkipped)
        assertEquals(0, count('rollbackTenant'))
        Map validation = steps.valuesOf('validateTenant')[0] as Map
        assertEquals(report(), true, validation.passed)
        assertTrue(report(), new File(workspace, validation.junit as String).isFile())
        assertTrue(report(), new File(workspace, validation.html as String).isFile())
        assertEquals(report(), ['ACTIVE'], steps.valuesOf('activateTenant'))
        assertEquals(report(), 'ACTIVE', registryState())
        assertNoSecretInTheBuildLog()

        // the test's own cleanup, asserted: an ACTIVE tenant leaves through offboarding
        assertTrue(platform.offboard(slug, QUIET).complete())
        assertEquals('OFFBOARDED', registryState())
        assertNothingOfTheTenantLeft()
    }

    @Test
    void aPlanRefusedAtTheApplyLeavesTheRequestPendingAndTheRollbackStepSucceedsSayingNothingWasApplied() {
        // the terraform engine with the provider-free root (real OpenTofu): the CFO approves the saved plan, then
        // the plan file changes before terraformProvision applies it, which refuses it and asks for a new approval
        steps.build.configureController([(Setting.TERRAFORM_MODULE_DIR): 'terraform/local'])
        binding.setVariable('params', params(TENANT_NAME: TestRequests.nameFor(slug), TIER: 'Bronze',
                REGION: 'us-east-1', BUDGET: '1500000', ENGINE: 'terraform'))
        helper.registerAllowedMethod('input', [Map]) { Map m ->
            assertEquals('ApproveCFO', m.id.toString())
            steps.build.recorded().inputAnsweredBy('carol') // as pipeline-input-step records the submitter
            return [APPROVER: 'carol', COMMENT: 'the plan is fine']
        }
        Closure record = tenantSteps.recordApproval
        tenantSteps.recordApproval = { Map a ->
            Object decided = record.call(a)
            File plan = savedPlan()
            plan.append('x') // after the approval, before the apply
            return decided
        }

        try {
            script.call([:])

            assertEquals(report(), 'FAILURE', declarative.result())
            assertEquals('steps that failed\n' + report(), ['terraformProvision'], steps.failedSteps())
            assertTrue(report(), declarative.buildError?.message?.contains('nothing was applied'))
            assertEquals('errors in post conditions\n' + report(), [], declarative.postErrors)
            assertEquals(report(), 1, count('rollbackTenant'))
            Map rollback = steps.valuesOf('rollbackTenant')[0] as Map
            assertEquals(report(), true, rollback.nothingApplied)
            assertEquals(report(), true, rollback.complete)
            assertEquals(report(), 'PENDING_APPROVAL', rollback.state)
            assertTrue(report(), (rollback.summary as String).contains('nothing to roll back; the request is left as it is'))
            assertTrue(report(), steps.build.log().contains('nothing was applied for it'))
            assertEquals(report(), 'PENDING_APPROVAL', registryState())
            // nothing was created: no journal row past INTENDED; the vault keeps only the pending plan's state key
            UUID tenantId = platform.services().registry().tenants().require(slug).id()
            assertTrue(report(), platform.services().registry().journal().entries(tenantId)
                    .every { it.status().name() == 'INTENDED' })
            assertEquals(report(), [StateEncryption.VAULT_NAME], platform.services().vault().all(slug).keySet() as List)
        } finally {
            // the request waits for a new approval: withdraw it
            if (platform.services().registry().tenants().find(slug).map { it.state().name() }.orElse('') == 'PENDING_APPROVAL') {
                platform.ledger().decisions().decide(slug, ApproverGroup.CFO, Actor.stated('vars-test-cleanup'),
                        Verdict.REJECTED, 'test over')
            }
        }
    }

    /** The plan terraformProvision would apply, saved in the tenant's working folder when approveBudget planned. */
    File savedPlan() { // not private: called from a closure, also by the CPS subclass
        File root = new File(settings.dataDir().toFile(), "terraform/${slug.value()}")
        File found = null
        root.eachFileRecurse { File f -> if (f.name == 'tenant.tfplan') { found = f } }
        assertTrue("no saved plan under ${root}".toString(), found != null)
        return found
    }

    private String registryState() {
        return platform.services().registry().tenants().require(slug).state().name()
    }

    /** Read as the services' admin (not through the product's drivers), then a dry-run sweep of the slug. */
    private void assertNothingOfTheTenantLeft() {
        TenantFootprint footprint = new TenantFootprint(settings)
        try {
            assertEquals("left on the services\n${report()}".toString(), [:], footprint.of(slug))
        } finally {
            footprint.close()
        }
        assertEquals(report(), [], platform.sweep(Optional.of(slug), true, QUIET).found())
    }

    private void assertNoSecretInTheBuildLog() {
        String log = steps.build.log()
        secretValues().each { String secret ->
            assertFalse('the build log shows the value of a secret setting', log.contains(secret))
        }
    }

    /** What happened, for assertion messages: the build's error, every step's outcome, post errors, the build log; secrets masked. */
    private String report() {
        String text = "build error: ${declarative.buildError}\nsteps:\n${steps.describeOutcomes()}\n" +
                "post errors: ${declarative.postErrors}\n" +
                "build log:\n${steps.build.log()}"
        secretValues().each { String secret -> text = text.replace(secret, '****') }
        return text
    }

    private List<String> secretValues() {
        return Setting.values().findAll { it.secret }
                .collect { Setting s -> settings.secret(s).map { it.reveal() }.orElse(null) }
                .findAll { it != null } as List<String>
    }

    /** Every setting the services file and the defaults give, as a Jenkins controller's global environment holds them. */
    static Map<String, String> environmentOf(Settings settings) {
        Map<String, String> env = [:]
        Setting.values().each { Setting s ->
            Optional<String> value = s.secret ? settings.secret(s).map { it.reveal() } : settings.optional(s)
            if (value.present) {
                env[s.name()] = value.get()
            }
        }
        return env
    }
}
