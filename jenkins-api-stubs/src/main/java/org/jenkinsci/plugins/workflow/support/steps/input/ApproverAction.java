package org.jenkinsci.plugins.workflow.support.steps.input;

import hudson.model.InvisibleAction;

/*
 * Compile-only stub of pipeline-input-step's type of the same name: real signatures, see ../README.md.
 * InputStepExecution.proceed adds one to the run for the authenticated user who answered an input.
 */
public class ApproverAction extends InvisibleAction {

    private final String userId;

    public ApproverAction(String userId) {
        this.userId = userId;
    }

    public String getUserId() {
        return userId;
    }
}
