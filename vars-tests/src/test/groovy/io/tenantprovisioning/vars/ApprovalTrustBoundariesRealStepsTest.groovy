package io.tenantprovisioning.vars

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertFalse
import static org.junit.Assert.assertTrue
import static org.junit.Assert.fail

import io.tenantprovisioning.application.TenantPlatform
import io.tenantprovisioning.approval.Actor
import io.tenantprovisioning.approval.ApproverGroup
import io.tenantprovisioning.approval.Verdict
import io.tenantprovisioning.config.Setting
import io.tenantprovisioning.config.Settings
import io.tenantprovisioning.jenkins.LocalBuild
import io.tenantprovisioning.jenkins.RecordedBuild
import io.tenantprovisioning.model.TenantState
import io.tenantprovisioning.progress.ProgressListener
import io.tenantprovisioning.registry.TenantRecord
import io.tenantprovisioning.request.Slug
import io.tenantprovisioning.testing.TestRequests
import io.tenantprovisioning.testing.TestServices
import org.junit.After
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

/**
 * The trust boundaries of approvals (issue #15 items 3 and 4) through the library and the plugin's
 * real steps on the real registry. What Jenkins itself records (who started the build, who answered
 * an input) is played by {@link RecordedBuild}; the `input` stand-in records its submitter there, as
 * pipeline-input-step does. Each attack is refused and leaves the request as it was.
 *
 * <p>Needs the services up (scripts/services.sh up): {@code mvn -pl vars-tests -am test
 * -Dtest=ApprovalTrustBoundariesRealStepsTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ApprovalTrustBoundariesRealStepsTest extends LibraryTestBase {

    /** Not ProgressListener.silent(): Groovy 2.4 cannot call a static method of an interface. */
    static final ProgressListener QUIET = { String step, String message -> } as ProgressListener

    @Rule
    public TemporaryFolder temp = new TemporaryFolder()

    Slug slug
    Settings settings
    /** The test's own view of the registry, for assertions and cleanup. */
    TenantPlatform platform
    def script
    Map cfg

    @Before
    void loadTheLibrary() {
        slug = TestServices.uniqueSlug('jtrust')
        settings = TestServices.settings().with([(Setting.DATA_DIR): temp.newFolder('data').path])
        platform = TenantPlatform.open(settings, QUIET)
        script = loadScript('vars/provisionTenant.groovy')
        cfg = script.configure([:])
    }

    @After
    void withdrawWhatIsStillPending() {
        try {
            TenantRecord tenant = platform?.ledger()?.find(slug)?.orElse(null)
            if (tenant?.state() == TenantState.PENDING_APPROVAL) {
                List<ApproverGroup> decided = decisionsOnCurrentRequest().collect { it.group() }
                ApproverGroup open = platform.ledger().details(slug).request().get().route().groups()
                        .find { !decided.contains(it) }
                platform.ledger().decisions().decide(slug, open, Actor.stated('vars-test-cleanup'), Verdict.REJECTED,
                        'test over')
            }
        } finally {
            platform?.close()
        }
    }

    @Test
    void aPipelineCannotNameTheRequesterSoTheRealOneCouldApprove() {
        build(7, 'alice')

        String message = refusal {
            // alice's build names an intern as requester, so that alice could then approve as CFO
            tenantSteps['approveBudget'].call([tenantName: TestRequests.nameFor(slug), tier: 'Bronze', region: 'us-east-1',
                                       budget    : '1500000', ownerEmail: 'owner@acme.example', requestedBy: 'intern'])
        }

        assertTrue(message, message.contains("requestedBy 'intern' is not the user who started this build (alice)"))
        assertFalse('nothing may be recorded', platform.ledger().find(slug).present)
    }

    @Test
    void anApprovalNamingSomeoneWhoAnsweredNoInputIsRefused() {
        build(7, 'alice')
        Map request = script.requestTenant(bronze('1500000'), cfg)

        String message = refusal {
            tenantSteps['recordApproval'].call([requestId: request.requestId, group: 'CFO', approver: 'cfo-boss',
                                        decision : 'APPROVED'])
        }

        assertTrue(message, message.contains("approver 'cfo-boss' did not answer an input of this build"))
        assertNothingDecidedAndStillPending()
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequestEvenAtTheInput() {
        build(7, 'alice')
        Map request = script.requestTenant(bronze('1500000'), cfg)
        // alice is in the CFO group, so Jenkins lets her answer the CFO input
        inputAnswers.ApproveCFO = { Map m -> [APPROVER: 'alice', COMMENT: 'mine, and fine'] }

        String message = refusal { script.runApprovals(request, cfg) }

        assertTrue(message, message.contains("alice requested tenant '${slug}'".toString()))
        assertTrue(message, message.contains('may not approve it'))
        assertNothingDecidedAndStillPending()
    }

    @Test
    void onePersonCannotAnswerForTwoGroupsOfOneRequest() {
        build(7, 'alice')
        Map request = script.requestTenant(gold('2000000'), cfg)
        // carol is in both groups' Jenkins groups, so Jenkins lets her answer both inputs
        inputAnswers.ApproveCFO = { Map m -> [APPROVER: 'carol', COMMENT: ''] }
        inputAnswers.ApproveCTO = { Map m -> [APPROVER: 'carol', COMMENT: ''] }

        String message = refusal { script.runApprovals(request, cfg) }

        assertTrue(message, message.contains('carol already decided for CFO'))
        assertEquals(['CFO carol APPROVED'], decisionsOnCurrentRequest().collect {
            "${it.group()} ${it.approver()} ${it.decision()}".toString()
        })
        assertEquals(TenantState.PENDING_APPROVAL, platform.ledger().require(slug).state())
    }

    @Test
    void anOldBuildsLateAnswerDoesNotApproveTheNewerRequest() {
        RealTenantSteps first = build(7, 'alice')
        Map old = script.requestTenant(gold('2000000'), cfg)
        // the CTO rejects the 20 lakh request outside build #7 (tenantctl reject), which keeps waiting at its CFO input
        platform.ledger().decisions().decide(slug, ApproverGroup.CTO, Actor.stated('cto@example.com'),
                Verdict.REJECTED, 'not now')
        build(8, 'alice')
        Map newer = script.requestTenant(gold('6000000'), cfg)

        // build #7's CFO input is answered at last, for the request build #7 asked about
        runIn(first)
        inputAnswers.ApproveCFO = { Map m -> [APPROVER: 'carol', COMMENT: 'approved the 20 lakh one'] }
        Map stillAsking = old + [route: old.route.findAll { it.group == 'CFO' }]
        String message = refusal { script.runApprovals(stillAsking, cfg) }

        assertTrue(message, message.contains("request ${old.requestId} is no longer current".toString()))
        assertEquals(newer.requestId, platform.ledger().require(slug).requestId().toString())
        assertNothingDecidedAndStillPending()
    }

    /** Build #number of the job, started by {@code user}; the pipeline's tenant steps run in it from now on. */
    private RealTenantSteps build(int number, String user) {
        Map<String, String> env = ProvisionTenantRealStepsTest.environmentOf(settings) +
                [BUILD_TAG: "jenkins-tenants-provision-${slug.value()}-${number}".toString(),
                 BUILD_NUMBER: number.toString(), JOB_NAME: 'tenants/provision']
        RealTenantSteps steps = new RealTenantSteps(new LocalBuild(env, temp.newFolder("workspace-${number}").toPath(),
                RecordedBuild.startedBy(user)))
        runIn(steps)
        buildCauses = [[userId: user]]
        return steps
    }

    /** The pipeline's tenant steps and its `input` act in this build from now on. */
    private void runIn(RealTenantSteps steps) {
        tenantSteps.putAll(steps.asPipelineSteps())
        tenant = null   // the real engine is the state machine here
        helper.registerAllowedMethod('input', [Map]) { Map m ->
            Closure answer = inputAnswers[m.id]
            if (answer == null) {
                throw new AssertionError("unexpected input ${m.id}")
            }
            Map given = answer.call(m) as Map
            // pipeline-input-step records the authenticated user who pressed Proceed on the build
            steps.build.recorded().inputAnsweredBy(given.APPROVER as String)
            return given
        }
    }

    private Map bronze(String budget) {
        return params(TENANT_NAME: TestRequests.nameFor(slug), TIER: 'Bronze', REGION: 'us-east-1', BUDGET: budget,
                ENGINE: 'direct')
    }

    private Map gold(String budget) {
        return params(TENANT_NAME: TestRequests.nameFor(slug), TIER: 'Gold', REGION: 'us-east-1', BUDGET: budget,
                ENGINE: 'direct')
    }

    /** The message of the failure the block ends in; a block that does not fail fails the test. */
    private static String refusal(Closure block) {
        try {
            block.call()
        } catch (Exception e) {
            return e.message ?: e.class.simpleName
        }
        fail('the attack was accepted')
        return null
    }

    private List decisionsOnCurrentRequest() {
        return platform.ledger().details(slug).approvals()
    }

    private void assertNothingDecidedAndStillPending() {
        assertEquals([], decisionsOnCurrentRequest())
        assertEquals(TenantState.PENDING_APPROVAL, platform.ledger().require(slug).state())
    }
}
