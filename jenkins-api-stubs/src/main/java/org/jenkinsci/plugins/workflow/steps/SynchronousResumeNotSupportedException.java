package org.jenkinsci.plugins.workflow.steps;

import java.io.IOException;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public class SynchronousResumeNotSupportedException extends Exception {

    private static final long serialVersionUID = 1L;

    public SynchronousResumeNotSupportedException(StepContext context) {
        super("The Pipeline step `" + functionName(context) + "` cannot be resumed after a controller restart.");
    }

    private static String functionName(StepContext context) {
        try {
            StepDescriptor descriptor = context.get(StepDescriptor.class);
            return descriptor != null ? descriptor.getFunctionName() : "?";
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }
}
