package io.tenantprovisioning.vars

/*
 * Test doubles of the Jenkins interruption types the library recognises by simple class name:
 * org.jenkinsci.plugins.workflow.steps.FlowInterruptedException and its causes
 * (pipeline-input-step's Rejection, workflow-basic-steps' TimeoutStepExecution.ExceededTimeout,
 * core's CauseOfInterruption.UserInterruption).
 */

class FlowInterruptedException extends InterruptedException {
    final String result
    final List causes

    FlowInterruptedException(String result, Object... causes) {
        super(result)
        this.result = result
        this.causes = causes as List
    }
}

/*
 * The causes are Serializable as upstream's CauseOfInterruption is: the exception sits in the program state
 * (a local, a map) while the pipeline decides what to record.
 */

/** An input's Abort: the user who pressed it, with the groups Jenkins reports for them (User#getAuthorities). */
class Rejection implements Serializable {
    final Map user

    Rejection(String userId, List<String> groups = []) {
        this.user = [id: userId, authorities: groups]
    }
}

class ExceededTimeout implements Serializable {
}

class UserInterruption implements Serializable {
    final String userId

    UserInterruption(String userId) {
        this.userId = userId
    }
}

/** Stands for hudson.AbortException and the `error` step: a failed step, the build turns FAILURE. */
class StepFailure extends RuntimeException {
    StepFailure(String message) {
        super(message)
    }
}
