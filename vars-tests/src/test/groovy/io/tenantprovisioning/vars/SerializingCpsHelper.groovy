package io.tenantprovisioning.vars

import com.cloudbees.groovy.cps.Continuation
import com.cloudbees.groovy.cps.Envs
import com.cloudbees.groovy.cps.Next
import com.cloudbees.groovy.cps.impl.CpsCallableInvocation
import com.lesfurets.jenkins.unit.cps.PipelineTestHelperCPS

/**
 * JenkinsPipelineUnit 1.1's CPS helper (the library compiled by groovy-cps' CpsTransformer, as Jenkins
 * compiles it) with one gap closed: 1.1 round-trips the program state through Java serialization at every
 * step of a closure handed to a step (`lock { }`, `script { }`), but runs the library's own methods
 * (`runApprovals`, `askApprover`, ...) to the end without it. Here those run step by step too, each step's
 * environment (its locals, its closure's captured variables, the script and its binding) written and read
 * back, so a local that Jenkins could not save when the build pauses at an `input` fails the test.
 */
class SerializingCpsHelper extends PipelineTestHelperCPS {

    /** How many program states were round-tripped; a test can see that the check ran at all. */
    long roundTrips

    @Override
    protected Object callMethod(MetaMethod method, Object delegate, Object[] args) {
        try {
            return method.doMethodInvoke(delegate, args)
        } catch (CpsCallableInvocation invocation) {
            return runSerializing(invocation)
        }
    }

    @Override
    protected Object runScriptInternal(Script script) {
        try {
            return script.run()
        } catch (CpsCallableInvocation invocation) {
            return runSerializing(invocation)
        }
    }

    @Override
    Object callClosure(Closure closure, Object[] args = null) {
        try {
            return super.callClosure(closure, args)
        } finally {
            roundTrips++
        }
    }

    private Object runSerializing(CpsCallableInvocation invocation) {
        Next next = invocation.invoke(Envs.empty(), null, Continuation.HALT)
        while (next.yield == null) {
            try {
                roundtripSerialization(next.e)
                roundTrips++
            } catch (Exception e) {
                throw new NotSerializableState(next.e.toString(), e)
            }
            next = next.step()
        }
        return next.yield.replay()
    }

    /** The program state at some step could not be saved, as Jenkins would fail to save it. */
    static class NotSerializableState extends RuntimeException {
        NotSerializableState(String where, Throwable cause) {
            super("program state not serializable at ${where}: ${cause}".toString(), cause)
        }
    }
}
