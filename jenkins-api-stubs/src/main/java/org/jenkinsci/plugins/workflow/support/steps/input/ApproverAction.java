package org.jenkinsci.plugins.workflow.support.steps.input;

import hudson.model.InvisibleAction;
import org.kohsuke.stapler.export.ExportedBean;

/*
 * Copy of pipeline-input-step's declaration named in jenkins-api-stubs/UPSTREAM.txt: the member the steps use.
 * InputStepExecution.proceed adds one to the run for the authenticated user who answered an input; it keeps the
 * user ID it is given, as upstream's does.
 */
@ExportedBean
public class ApproverAction extends InvisibleAction {

    private final String userId;

    public ApproverAction(String userId) {
        this.userId = userId;
    }

    public String getUserId() {
        return userId;
    }
}
