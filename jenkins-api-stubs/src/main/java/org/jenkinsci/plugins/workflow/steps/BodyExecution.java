package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;
import java.util.Collection;
import java.util.concurrent.Future;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt: its abstract members only. */
public abstract class BodyExecution implements Future<Object>, Serializable {

    private static final long serialVersionUID = 1L;

    public abstract Collection<StepExecution> getCurrentExecutions();

    /** Upstream cancels the body with an ABORTED interruption; no body runs here. */
    @Override
    public boolean cancel(boolean b) {
        throw new UnsupportedOperationException("copy: no step here takes a body");
    }
}
