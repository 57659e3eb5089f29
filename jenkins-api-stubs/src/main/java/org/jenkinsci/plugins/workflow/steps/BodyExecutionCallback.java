package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt: its abstract members only. */
public abstract class BodyExecutionCallback implements Serializable {

    private static final long serialVersionUID = 1L;

    public abstract void onSuccess(StepContext context, Object result);

    public abstract void onFailure(StepContext context, Throwable t);
}
