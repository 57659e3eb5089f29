package io.tenantprovisioning.vars

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertFalse
import static org.junit.Assert.assertNull
import static org.junit.Assert.assertTrue
import static org.junit.Assert.fail

import io.tenantprovisioning.model.TenantState
import org.junit.Before
import org.junit.Test

/** provisionTenant's whole pipeline {} run through the Declarative stand-in: outcomes and rollback. */
class ProvisionTenantPipelineTest extends LibraryTestBase {

    def script

    @Before
    void loadLibrary() {
        script = loadScript('vars/provisionTenant.groovy')
        binding.setVariable('params', params())
    }

    @Test
    void successProvisionsValidatesActivatesPublishesAndNeverRollsBack() {
        script.call([credentials: [REGISTRY_DB_PASSWORD: 'tenantctl-db']])

        assertEquals('SUCCESS', declarative.result())
        assertEquals(['Request', 'Provision'], declarative.stagesRun)
        assertEquals(['Approval'], declarative.stagesSkipped)
        assertEquals(0, count('input'))
        assertEquals([[requestId: 'req-1', engine: 'terraform']], argsOf('terraformProvision'))
        assertEquals([[tenant: 'acme-corp', junit: 'reports/tenant-validation-acme-corp.xml',
                       html: 'reports/tenant-validation-acme-corp.html']], argsOf('validateTenant'))
        assertEquals([[tenant: 'acme-corp']], argsOf('activateTenant'))
        assertEquals([[resource: 'tenant-acme-corp']], argsOf('lock'))
        assertEquals('reports/tenant-validation-acme-corp.xml', argsOf('junit')[0].testResults)
        assertEquals('reports/tenant-validation-acme-corp.html,reports/tenant-report.css', argsOf('archiveArtifacts')[0].artifacts)
        assertEquals(0, count('rollbackTenant'))
        assertEquals('#7 acme-corp', currentBuild.displayName.toString())
    }

    @Test
    void theRequestCarriesEveryParameterTheStarterAndTheApproverMap() {
        binding.setVariable('params', params(DATA_CLASSIFICATION: 'PII', JURISDICTION: 'DPDPA', CROSS_BORDER: true,
                COST_CENTER: 'CC_ACME'))

        script.call([approverGroups: [CFO: 'finance-approvers']])

        Map request = argsOf('approveBudget')[0]
        assertEquals([tenantName: 'Acme Corp', tier: 'Gold', region: 'ap-south-1', budget: '800000',
                      ownerEmail: 'owner@acme.example', classification: 'PII', jurisdiction: 'DPDPA', crossBorder: true,
                      approverGroups: [[group: 'CFO', submitters: 'finance-approvers']], costCenter: 'CC_ACME', engine: 'terraform',
                      requestedBy: 'alice'], request)
    }

    @Test
    void aTimerStartedBuildHasNoPersonAsRequester() {
        buildCauses = []

        script.call([:])

        assertFalse(argsOf('approveBudget')[0].containsKey('requestedBy'))
    }

    @Test
    void theTierChoicesComeFromTheCatalogAndRegionsFromTheRegionCatalog() {
        script.call([engine: 'direct'])

        assertEquals(['Gold', 'Silver', 'Bronze'], declarative.parameters.TIER.choices)
        assertTrue(declarative.parameters.REGION.choices.containsAll(['us-east-1', 'eu-west-1', 'ap-south-1']))
        assertEquals(['direct', 'terraform'], declarative.parameters.ENGINE.choices)
        assertEquals(['TENANT_NAME', 'TIER', 'REGION', 'BUDGET', 'OWNER_EMAIL', 'DATA_CLASSIFICATION', 'JURISDICTION',
                      'CROSS_BORDER', 'COST_CENTER', 'ENGINE'], declarative.parameters.keySet() as List)
    }

    @Test
    void aCfoRequestWaitsForTheCfoThenProvisions() {
        tenantSteps.approveBudget = { Map a -> needing(['CFO']) }
        inputAnswers.ApproveCFO = { Map m -> [APPROVER: 'carol', COMMENT: 'ok'] }

        script.call([:])

        assertEquals(['Request', 'Approval', 'Provision'], declarative.stagesRun)
        assertEquals('SUCCESS', declarative.result())
        assertEquals(1, count('input'))
        assertEquals(1, count('terraformProvision'))
        assertEquals(0, count('rollbackTenant'))
    }

    @Test
    void theApproverSeesTheSavedPlanCostAndRouteAndTheDecisionNamesThePlan() {
        String sha = 'ab' * 32
        tenantSteps.approveBudget = { Map a ->
            needing(['CFO']) + [engine: 'terraform', planSha256: sha, planSummary: ['+ create  aws_s3_bucket.tenant'],
                                planText: "Route: CFO; cost ₹1500000/month\nPlan (terraform) SHA-256 ${sha}:\n  + create  aws_s3_bucket.tenant".toString()]
        }
        inputAnswers.ApproveCFO = { Map m -> [APPROVER: 'carol', COMMENT: 'ok'] }

        script.call([:])

        assertEquals('SUCCESS', declarative.result())
        String message = argsOf('input')[0].message
        assertTrue(message, message.contains("Plan (terraform) SHA-256 ${sha}:\n  + create  aws_s3_bucket.tenant".toString()))
        assertTrue(message, message.contains('Route: CFO; cost ₹1500000/month'))
        assertEquals(sha, argsOf('recordApproval')[0].planSha256)
    }

    @Test
    void aRejectionEndsTheBuildAbortedWithNothingProvisionedOrRolledBack() {
        tenantSteps.approveBudget = { Map a -> needing(['CFO', 'CTO']) }
        // carol is in the CFO group's Jenkins group, so her Abort is the group's decision
        inputAnswers.ApproveCFO = { Map m ->
            throw new FlowInterruptedException('ABORTED', new Rejection('carol', ['tenant-approvers-cfo']))
        }

        script.call([:])

        assertEquals('ABORTED', declarative.result())
        assertEquals(['Request', 'Approval'], declarative.stagesRun)
        assertEquals('REJECTED', argsOf('recordApproval')[0].decision)
        assertEquals(0, count('terraformProvision'))
        assertEquals(0, count('rollbackTenant'))
        assertTrue(declarative.postRun.contains('pipeline:aborted'))
    }

    @Test
    void anApprovalTimeoutEndsTheBuildAbortedWithNothingProvisioned() {
        tenantSteps.approveBudget = { Map a -> needing(['CFO']) }
        inputAnswers.ApproveCFO = { Map m -> throw new FlowInterruptedException('ABORTED', new ExceededTimeout()) }

        script.call([:])

        assertEquals('ABORTED', declarative.result())
        assertEquals('timeout', argsOf('recordApproval')[0].approver)
        assertEquals(0, count('terraformProvision'))
        assertEquals(0, count('rollbackTenant'))
    }

    @Test
    void aFailedValidationRollsBackExactlyOnceAfterPublishingTheReports() {
        tenantSteps.validateTenant = { Map a ->
            workspaceFiles << a.junit << a.html
            throw new StepFailure('validation of acme-corp failed (7/8 passed)')
        }

        script.call([:])

        assertEquals('FAILURE', declarative.result())
        assertEquals(1, count('rollbackTenant'))
        assertEquals([tenant: 'acme-corp'], argsOf('rollbackTenant')[0])
        assertEquals(0, count('activateTenant'))
        assertEquals(1, count('junit'))
        assertEquals(['Provision:always', 'pipeline:failure'], declarative.postRun)
        List order = helper.callStack*.methodName.findAll { it in ['junit', 'rollbackTenant'] }
        assertEquals(['junit', 'rollbackTenant'], order)
    }

    @Test
    void aProvisioningFailureRollsBackExactlyOnce() {
        tenantSteps.terraformProvision = { Map a -> throw new StepFailure('apply failed: bucket quota') }

        script.call([:])

        assertEquals('FAILURE', declarative.result())
        assertEquals(1, count('rollbackTenant'))
        assertEquals(0, count('validateTenant'))
    }

    @Test
    void abortingTheBuildDuringProvisioningRollsBackExactlyOnce() {
        tenantSteps.terraformProvision = { Map a -> throw new FlowInterruptedException('ABORTED', new UserInterruption('ops-bob')) }

        script.call([:])

        assertEquals('ABORTED', declarative.result())
        assertEquals(1, count('rollbackTenant'))
    }

    @Test
    void aFailureAfterActivationNeverRollsBackTheActiveTenant() {
        helper.registerAllowedMethod('junit', [Map]) { Map m -> throw new StepFailure('junit: cannot parse report') }

        script.call([:])

        assertEquals('FAILURE', declarative.result())
        assertEquals(1, count('activateTenant'))
        assertEquals(0, count('rollbackTenant'))
    }

    @Test
    void aFailedRequestHasNothingToRollBack() {
        tenantSteps.approveBudget = { Map a -> throw new StepFailure('invalid tenant request:\n  - budget: ...') }

        script.call([:])

        assertEquals('FAILURE', declarative.result())
        assertEquals(['Request'], declarative.stagesRun)
        assertEquals(0, count('rollbackTenant'))
        assertEquals(0, count('junit'))
    }

    @Test
    void rollbackOnceIsIdempotentWithinABuild() {
        Map run = [provisioningStarted: true, activated: false, rolledBack: false, request: [slug: 'acme-corp']]
        Map cfg = script.configure([:])
        tenant.arrangeAt(TenantState.VALIDATING)

        script.rollbackOnce(run, cfg, 'the build failed')
        script.rollbackOnce(run, cfg, 'the build was aborted')

        assertEquals(1, count('rollbackTenant'))
    }

    @Test
    void unknownOrUnsafeSettingsFailBeforeAnythingHappens() {
        try {
            script.call([approverGroup: [CFO: 'x'], reportsDir: '../outside', approvalTimeout: 0, engine: 'pulumi'])
            fail('bad settings must fail')
        } catch (StepFailure e) {
            assertTrue(e.message, e.message.contains("unknown setting(s) [approverGroup]"))
            assertTrue(e.message, e.message.contains("reportsDir '../outside'"))
            assertTrue(e.message, e.message.contains('approvalTimeout'))
            assertTrue(e.message, e.message.contains("engine must be terraform or direct"))
        }
        assertEquals(0, count('approveBudget'))
        assertNull(currentBuild.result)
    }
}
