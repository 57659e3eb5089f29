package io.tenantprovisioning.vars

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertSame
import static org.junit.Assert.assertTrue
import static org.junit.Assert.fail

import org.junit.Before
import org.junit.Test

/** The approval loop (runApprovals), driven directly as the fact sheet's §8 suggests. */
class ProvisionTenantApprovalTest extends LibraryTestBase {

    def script
    Map cfg

    @Before
    void loadLibrary() {
        script = loadScript('vars/provisionTenant.groovy')
        cfg = script.configure([:])
    }

    @Test
    void autoApprovedRequestsAskNobody() {
        runApprovals(autoApproved(), cfg)

        assertEquals(0, count('input'))
        assertEquals(0, count('recordApproval'))
    }

    @Test
    void theCfoIsAskedOnceInsideTheDefaultThreeDayTimeoutAndTheAnswerRecorded() {
        inputAnswers.ApproveCFO = { Map m -> [APPROVER: 'carol', COMMENT: 'within plan'] }

        runApprovals(needing(['CFO']), cfg)

        List inputs = argsOf('input')
        assertEquals(1, inputs.size())
        Map input = inputs[0]
        assertEquals('ApproveCFO', input.id)
        assertEquals('tenant-approvers-cfo', input.submitter)
        assertEquals('APPROVER', input.submitterParameter)
        assertTrue(input.message.toString().contains('₹1500000/month'))
        assertTrue(input.message.toString().contains('CFO reason'))
        assertEquals([[time: 3, unit: 'DAYS']], argsOf('timeout'))
        assertEquals([[requestId: 'req-1', group: 'CFO', approver: 'carol', decision: 'APPROVED', comment: 'within plan']],
                argsOf('recordApproval'))
    }

    @Test
    void everyGroupOnTheRouteIsAskedInOrderByItsOwnSubmitters() {
        Map request = needing(['CFO', 'CTO', 'LEGAL'])
        request.route[1].submitters = 'cto-office'
        ['CFO': 'carol', 'CTO': 'tom', 'LEGAL': 'lee'].each { group, user ->
            inputAnswers["Approve${group}".toString()] = { Map m -> [APPROVER: user, COMMENT: ''] }
        }

        runApprovals(request, script.configure([approvalTimeout: 12, approvalTimeoutUnit: 'HOURS']))

        assertEquals(['ApproveCFO', 'ApproveCTO', 'ApproveLEGAL'], argsOf('input').collect { it.id })
        assertEquals(['tenant-approvers-cfo', 'cto-office', 'tenant-approvers-legal'], argsOf('input').collect { it.submitter })
        assertEquals([[time: 12, unit: 'HOURS']] * 3, argsOf('timeout'))
        assertEquals(['CFO carol APPROVED', 'CTO tom APPROVED', 'LEGAL lee APPROVED'],
                argsOf('recordApproval').collect { "${it.group} ${it.approver} ${it.decision}".toString() })
        assertTrue(argsOf('recordApproval').every { it.comment == 'approved in Jenkins' })
    }

    @Test
    void aRejectionIsRecordedLaterGroupsAreNotAskedAndTheBuildIsAborted() {
        // tom is in the CTO group's Jenkins group, so his Abort is the group's decision
        FlowInterruptedException rejected = new FlowInterruptedException('ABORTED',
                new Rejection('tom', ['authenticated', 'tenant-approvers-cto']))
        inputAnswers.ApproveCFO = { Map m -> [APPROVER: 'carol', COMMENT: ''] }
        inputAnswers.ApproveCTO = { Map m -> throw rejected }

        try {
            runApprovals(needing(['CFO', 'CTO', 'LEGAL']), cfg)
            fail('a rejection must end the build')
        } catch (FlowInterruptedException e) {
            assertSame(rejected, e)
        }

        assertEquals(['ApproveCFO', 'ApproveCTO'], argsOf('input').collect { it.id })
        assertEquals(['CFO carol APPROVED', 'CTO tom REJECTED'],
                argsOf('recordApproval').collect { "${it.group} ${it.approver} ${it.decision}".toString() })
    }

    @Test
    void anApprovalTimeoutIsRecordedAsARejectionByTimeout() {
        inputAnswers.ApproveCFO = { Map m -> throw new FlowInterruptedException('ABORTED', new ExceededTimeout()) }

        try {
            runApprovals(needing(['CFO']), cfg)
            fail('a timeout must end the build')
        } catch (FlowInterruptedException e) {
            assertEquals('ABORTED', e.result)
        }

        assertEquals([[requestId: 'req-1', group: 'CFO', approver: 'timeout', decision: 'REJECTED',
                       comment: 'no answer within 3 days']], argsOf('recordApproval'))
    }

    @Test
    void abortingTheBuildWhileWaitingIsRecordedAgainstWhoAbortedIt() {
        inputAnswers.ApproveCFO = { Map m -> throw new FlowInterruptedException('ABORTED', new UserInterruption('ops-bob')) }
        // ops-bob answers for the CFO group (named in its submitters), so his abort is the group's decision
        Map request = needing(['CFO'])
        request.route[0].submitters = 'tenant-approvers-cfo, ops-bob'

        try {
            runApprovals(request, cfg)
            fail('an abort must end the build')
        } catch (FlowInterruptedException expected) {
        }

        assertEquals('ops-bob', argsOf('recordApproval')[0].approver)
        assertEquals('REJECTED', argsOf('recordApproval')[0].decision)
    }

    @Test
    void anAbortBySomeoneOutsideTheGroupIsNoDecisionOfTheGroup() {
        // an administrator or a user with Job/Cancel may abort any input; that does not make them the CFO
        FlowInterruptedException aborted = new FlowInterruptedException('ABORTED', new Rejection('mallory', ['developers']))
        inputAnswers.ApproveCFO = { Map m -> throw aborted }

        try {
            runApprovals(needing(['CFO']), cfg)
            fail('the abort must end the build')
        } catch (FlowInterruptedException e) {
            assertSame(aborted, e)
        }

        assertEquals(0, count('recordApproval'))
        assertTrue(helper.callStack.any { it.methodName == 'echo' && it.args[0].toString().contains(
                'by mallory, who is not among its submitters (tenant-approvers-cfo); no decision recorded') })
    }

    @Test
    void stoppingTheBuildWhileWaitingIsNoDecisionOfAGroupTheUserIsNotIn() {
        inputAnswers.ApproveCFO = { Map m -> throw new FlowInterruptedException('ABORTED', new UserInterruption('ops-bob')) }

        try {
            runApprovals(needing(['CFO']), cfg)
            fail('an abort must end the build')
        } catch (FlowInterruptedException expected) {
        }

        assertEquals(0, count('recordApproval'))
    }

    @Test
    void anInterruptionNobodyCanBeNamedForIsNoDecision() {
        inputAnswers.ApproveCFO = { Map m -> throw new FlowInterruptedException('ABORTED') }

        try {
            runApprovals(needing(['CFO']), cfg)
            fail('the interruption must end the build')
        } catch (FlowInterruptedException expected) {
        }

        assertEquals(0, count('recordApproval'))
    }

    @Test
    void aRejectionByAUserTheGroupNamesByIdIsTheGroupsDecisionWhateverTheCase() {
        Map request = needing(['CFO'])
        request.route[0].submitters = 'carol,dave'
        inputAnswers.ApproveCFO = { Map m -> throw new FlowInterruptedException('ABORTED', new Rejection('Dave')) }

        try {
            runApprovals(request, cfg)
            fail('a rejection must end the build')
        } catch (FlowInterruptedException expected) {
        }

        assertEquals(['CFO Dave REJECTED'],
                argsOf('recordApproval').collect { "${it.group} ${it.approver} ${it.decision}".toString() })
    }

    @Test
    void anyOtherErrorWhileAskingIsNotTakenForADecision() {
        inputAnswers.ApproveCFO = { Map m -> throw new StepFailure('input misconfigured') }

        try {
            runApprovals(needing(['CFO']), cfg)
            fail('the error must propagate')
        } catch (StepFailure e) {
            assertEquals('input misconfigured', e.message)
        }
        assertEquals(0, count('recordApproval'))
    }

    /** The approval loop on a request the fake tenant holds as recorded (PENDING_APPROVAL, or APPROVED). */
    private void runApprovals(Map request, Map cfg) {
        tenant.submitted(request)
        script.runApprovals(request, cfg)
    }
}
