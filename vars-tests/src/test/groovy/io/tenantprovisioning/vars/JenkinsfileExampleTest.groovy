package io.tenantprovisioning.vars

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue

import io.tenantprovisioning.model.TenantState
import org.junit.Before
import org.junit.Test

/**
 * The full pipeline Jenkinsfile.example carries commented out, run as a user would run it after
 * uncommenting it: a group approves or rejects under the user Jenkins authenticated at the input, and an
 * Abort (by anyone) or a timeout records no decision.
 */
class JenkinsfileExampleTest extends LibraryTestBase {

    private String scriptPath

    @Before
    void writeTheUncommentedPipeline() {
        PipelineScripts.Source full = PipelineScripts.all(new File('.')).find { it.name.startsWith('Jenkinsfile.example (') }
        File file = new File('vars-tests/target/jenkinsfile-example-full.groovy')
        file.parentFile.mkdirs()
        file.text = full.text
        scriptPath = 'vars-tests/target/jenkinsfile-example-full.groovy'
        binding.setVariable('params', params())
        tenantSteps.approveBudget = { Map a ->
            needing(['CFO']) + [engine: a.engine, planSha256: PLAN_SHA, planText: "Plan (terraform) SHA-256 ${PLAN_SHA}".toString()]
        }
    }

    static final String PLAN_SHA = 'ab' * 32

    @Test
    void anApprovalByTheGroupProvisionsTheTenant() {
        inputAnswers.ApproveCFO = { Map m -> [APPROVER: 'carol', DECISION: 'APPROVED', COMMENT: 'fine'] }

        runScript(scriptPath)

        assertEquals('SUCCESS', declarative.result())
        assertEquals([[requestId: 'req-1', group: 'CFO', approver: 'carol', decision: 'APPROVED', comment: 'fine',
                       planSha256: PLAN_SHA]], argsOf('recordApproval'))
        assertEquals('terraform', argsOf('approveBudget')[0].engine)
        assertTrue(argsOf('input')[0].message.toString().endsWith("Plan (terraform) SHA-256 ${PLAN_SHA}".toString()))
        assertEquals('APPROVER', argsOf('input')[0].submitterParameter)
        assertEquals(TenantState.ACTIVE, tenant.state)
        assertEquals(0, count('rollbackTenant'))
    }

    @Test
    void aRejectionIsTheGroupsAnswerRecordedUnderItsAuthenticatedSubmitter() {
        inputAnswers.ApproveCFO = { Map m -> [APPROVER: 'carol', DECISION: 'REJECTED', COMMENT: 'over budget'] }

        runScript(scriptPath)

        assertEquals('ABORTED', declarative.result())
        assertEquals([[requestId: 'req-1', group: 'CFO', approver: 'carol', decision: 'REJECTED', comment: 'over budget',
                       planSha256: PLAN_SHA]], argsOf('recordApproval'))
        assertEquals(0, count('terraformProvision'))
        assertEquals(0, count('rollbackTenant'))
        assertEquals(TenantState.REJECTED, tenant.state)
    }

    /** Anyone with Job/Cancel can press Abort; it is not the group's decision (the old example recorded it as one). */
    @Test
    void anAbortIsNoDecision() {
        inputAnswers.ApproveCFO = { Map m -> throw new FlowInterruptedException('ABORTED', new Rejection('mallory')) }

        runScript(scriptPath)

        assertEquals('ABORTED', declarative.result())
        assertEquals(0, count('recordApproval'))
        assertEquals(0, count('terraformProvision'))
        assertEquals(TenantState.PENDING_APPROVAL, tenant.state)
    }

    @Test
    void aTimeoutIsNoDecisionEither() {
        inputAnswers.ApproveCFO = { Map m -> throw new FlowInterruptedException('ABORTED', new ExceededTimeout()) }

        runScript(scriptPath)

        assertEquals('ABORTED', declarative.result())
        assertEquals(0, count('recordApproval'))
        assertEquals(TenantState.PENDING_APPROVAL, tenant.state)
    }

    @Test
    void aProvisioningFailureRollsBackOnce() {
        inputAnswers.ApproveCFO = { Map m -> [APPROVER: 'carol', DECISION: 'APPROVED', COMMENT: ''] }
        tenantSteps.terraformProvision = { Map a -> throw new StepFailure('apply failed') }

        runScript(scriptPath)

        assertEquals('FAILURE', declarative.result())
        assertEquals(1, count('rollbackTenant'))
        assertEquals(TenantState.ROLLED_BACK, tenant.state)
    }
}
