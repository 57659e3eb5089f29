package org.jenkinsci.plugins.workflow.steps;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt: its abstract members only. */
public abstract class BodyInvoker {

    public abstract BodyInvoker withContext(Object override);

    public abstract BodyInvoker withDisplayName(String name);

    public abstract BodyInvoker withCallback(BodyExecutionCallback callback);

    public abstract BodyExecution start();
}
