package io.tenantprovisioning.vars

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue
import static org.junit.Assert.fail

import org.junit.Test

/** The CPS mode's serialization check can fail, and does run on the library. */
class CpsSerializationCheckTest extends LibraryTestBase {

    @Override
    boolean cps() {
        return true
    }

    @Test
    void aLocalJenkinsCouldNotSaveAcrossAStepFailsTheTest() {
        def fixture = loadScript('vars-tests/src/test/jenkins/iteratorAcrossAStep.groovy')
        try {
            fixture.byIterator(['a', 'b'])
            fail('an Iterator held across a step must fail under CPS')
        } catch (SerializingCpsHelper.NotSerializableState e) {
            assertTrue(e.message, e.message.contains('NotSerializableException'))
            assertTrue(e.message, e.message.contains('Itr'))
        }
        helper.callStack.clear()
        fixture.byIndex(['a', 'b'])
        assertEquals(['item a', 'item b'], argsOf('echo').collect { it.toString() })
    }

    @Test
    void theWholePipelineRunsWithItsStateSavedAtEveryStep() {
        def script = loadScript('vars/provisionTenant.groovy')
        binding.setVariable('params', params(BUDGET: '1500000'))
        tenantSteps.approveBudget = { Map a -> needing(['CFO', 'CTO']) }
        inputAnswers.ApproveCFO = { Map m -> [APPROVER: 'carol', COMMENT: ''] }
        inputAnswers.ApproveCTO = { Map m -> [APPROVER: 'tom', COMMENT: ''] }

        script.call([:])

        assertEquals('SUCCESS', declarative.result())
        assertTrue("${helper.roundTrips} round trips".toString(), (helper as SerializingCpsHelper).roundTrips > 100)
        assertEquals(['null → REQUESTED', 'REQUESTED → PENDING_APPROVAL', 'PENDING_APPROVAL → APPROVED',
                      'APPROVED → PROVISIONING', 'PROVISIONING → CONFIGURING', 'CONFIGURING → VALIDATING',
                      'VALIDATING → ACTIVE'], tenant.moves)
    }
}
