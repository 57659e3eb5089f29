package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/* Compile-only stub of the Jenkins type of the same name: real signature, see ../README.md. */
public abstract class StepExecution implements Serializable {

    private static final long serialVersionUID = 1L;

    private final StepContext context;

    protected StepExecution(StepContext context) {
        this.context = context;
    }

    public StepContext getContext() {
        return context;
    }

    public abstract boolean start() throws Exception;
}
