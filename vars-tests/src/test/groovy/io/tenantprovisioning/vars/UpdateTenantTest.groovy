package io.tenantprovisioning.vars

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue

import org.junit.Before
import org.junit.Test

/** updateTenant's pipeline {} through the Declarative stand-in: the change, its approvals, the apply, the reports. */
class UpdateTenantTest extends LibraryTestBase {

    def script

    @Before
    void loadLibrary() {
        tenantSteps.requestTenantChange = { Map a -> change(true, []) }
        tenantSteps.applyTenantChange = { Map a ->
            workspaceFiles << a.junit << a.html
            [slug: a.tenant, version: 2, state: 'APPLIED', junit: a.junit, html: a.html]
        }
        tenantSteps.each { String name, Closure answer ->
            helper.registerAllowedMethod(name, [Map]) { Map args -> tenantSteps[name].call(args) }
        }
        // the approval loop is provisionTenant's, called as the shared library calls another global variable
        binding.setVariable('provisionTenant', loadScript('vars/provisionTenant.groovy'))
        script = loadScript('vars/updateTenant.groovy')
        binding.setVariable('params', changeParams())
    }

    static Map change(boolean autoApproved, List<String> groups) {
        List route = groups.collect { [group: it, reason: "${it} reason".toString(), submitters: "tenant-approvers-${it.toLowerCase()}".toString()] }
        return [requestId: 'chg-2', slug: 'acme-corp', version: 2, autoApproved: autoApproved, route: route,
                changes: ['tier: SILVER → GOLD'], resourceChanges: ['tag Tier Silver → Gold on every resource'],
                monthlyCostBefore: 50000L, monthlyCost: 75000L]
    }

    static Map changeParams(Map overrides = [:]) {
        return [TENANT: 'acme-corp', TIER: 'Gold', BUDGET: '', DATA_CLASSIFICATION: '(keep)', JURISDICTION: '(keep)',
                CROSS_BORDER: '(keep)', COST_CENTER: '', OWNER_EMAIL: ''] + overrides
    }

    @Test
    void anAutoApprovedChangeIsAppliedUnderTheTenantLockAndItsReportsPublished() {
        script.call([credentials: [REGISTRY_DB_PASSWORD: 'tenantctl-db']])

        assertEquals('SUCCESS', declarative.result())
        assertEquals(['Change', 'Apply'], declarative.stagesRun)
        assertEquals(['Approval'], declarative.stagesSkipped)
        // only what the build was asked to change is passed on
        assertEquals([[tenant: 'acme-corp', approverGroups: [], tier: 'Gold']], argsOf('requestTenantChange'))
        assertEquals(0, count('input'))
        assertEquals([[tenant: 'acme-corp', junit: 'reports/tenant-update-acme-corp.xml',
                       html: 'reports/tenant-update-acme-corp.html']], argsOf('applyTenantChange'))
        assertEquals([[resource: 'tenant-acme-corp']], argsOf('lock'))
        assertEquals('reports/tenant-update-acme-corp.xml', argsOf('junit')[0].testResults)
        assertEquals('reports/tenant-update-acme-corp.html', argsOf('archiveArtifacts')[0].artifacts)
        assertEquals('#7 acme-corp v2', currentBuild.displayName.toString())
        assertTrue(currentBuild.description.toString().contains('₹50000 → ₹75000/month, auto-approved'))
    }

    @Test
    void everyParameterGivenIsPassedOnAndCrossBorderAsABoolean() {
        binding.setVariable('params', changeParams(TIER: '(keep)', BUDGET: '1500000', DATA_CLASSIFICATION: 'PII',
                CROSS_BORDER: 'false', COST_CENTER: 'CC_NEW', OWNER_EMAIL: 'new@acme.example'))

        script.call([approverGroups: [CFO: 'finance-approvers']])

        assertEquals([[tenant: 'acme-corp', approverGroups: [[group: 'CFO', submitters: 'finance-approvers']], budget: '1500000',
                       classification: 'PII', costCenter: 'CC_NEW', ownerEmail: 'new@acme.example', crossBorder: false]],
                argsOf('requestTenantChange'))
        assertEquals(['(keep)', 'Gold', 'Silver', 'Bronze'], declarative.parameters.TIER.choices)
    }

    @Test
    void aChangeNeedingTheCtoAsksItsGroupAndRecordsTheAnswerOnTheChangeRequestBeforeApplying() {
        tenantSteps.requestTenantChange = { Map a -> change(false, ['CTO']) }
        inputAnswers.ApproveCTO = { Map m -> [APPROVER: 'tom', COMMENT: 'go gold'] }

        script.call([:])

        assertEquals('SUCCESS', declarative.result())
        assertEquals(['Change', 'Approval', 'Apply'], declarative.stagesRun)
        assertEquals('tenant-approvers-cto', argsOf('input')[0].submitter)
        assertEquals([[requestId: 'chg-2', group: 'CTO', approver: 'tom', decision: 'APPROVED', comment: 'go gold']],
                argsOf('recordApproval'))
        assertEquals(1, count('applyTenantChange'))
        List order = helper.callStack.findAll { it.methodName in ['recordApproval', 'applyTenantChange'] }.collect { it.methodName }
        assertEquals(['recordApproval', 'applyTenantChange'], order)
    }

    @Test
    void aRejectionIsRecordedAndNothingIsApplied() {
        tenantSteps.requestTenantChange = { Map a -> change(false, ['CTO']) }
        inputAnswers.ApproveCTO = { Map m ->
            throw new FlowInterruptedException('ABORTED', new Rejection('tom', ['tenant-approvers-cto']))
        }

        script.call([:])

        assertEquals('ABORTED', declarative.result())
        assertEquals('REJECTED', argsOf('recordApproval')[0].decision)
        assertEquals(0, count('applyTenantChange'))
        assertEquals(0, count('rollbackTenant'))
    }

    @Test
    void aChangeThatWasUndoneFailsTheBuildPublishesItsReportsAndRollsNothingBack() {
        tenantSteps.applyTenantChange = { Map a ->
            workspaceFiles << a.junit << a.html
            throw new StepFailure('change v2 of acme-corp failed and the previous configuration was restored')
        }

        script.call([:])

        assertEquals('FAILURE', declarative.result())
        assertEquals('reports/tenant-update-acme-corp.xml', argsOf('junit')[0].testResults)
        assertEquals(0, count('rollbackTenant'))
    }

    @Test
    void aBuildWithoutATenantIsRefusedBeforeAnythingIsRecorded() {
        binding.setVariable('params', changeParams(TENANT: ''))

        script.call([:])

        assertEquals('FAILURE', declarative.result())
        assertEquals(0, count('requestTenantChange'))
    }
}
