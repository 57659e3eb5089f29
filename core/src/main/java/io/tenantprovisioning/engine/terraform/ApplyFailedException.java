package io.tenantprovisioning.engine.terraform;

import java.util.List;

/**
 * {@code apply} or {@code destroy} failed part-way. {@link #resourcesInState()} lists what the state
 * holds afterwards (read with {@code show -json}), i.e. what exists and what {@code destroy} will remove.
 */
public final class ApplyFailedException extends TerraformException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final List<String> completed;
    private final List<String> failed;
    private final List<String> resourcesInState;

    public ApplyFailedException(TerraformErrorCode code, String operation, List<String> completed, List<String> failed,
                                List<String> resourcesInState, List<Diagnostic> diagnostics, String stderr) {
        super(code, operation + " failed; " + describe(completed, failed, resourcesInState), diagnostics, stderr);
        this.operation = operation;
        this.completed = List.copyOf(completed);
        this.failed = List.copyOf(failed);
        this.resourcesInState = List.copyOf(resourcesInState);
    }

    /** "apply" or "destroy". */
    public String operation() {
        return operation;
    }

    /** Addresses whose change completed during this run (apply_complete events), in order. */
    public List<String> completed() {
        return completed;
    }

    /** Addresses whose change errored (apply_errored events). */
    public List<String> failed() {
        return failed;
    }

    /** Every resource address in the state after the failure: the partial state. */
    public List<String> resourcesInState() {
        return resourcesInState;
    }

    private static String describe(List<String> completed, List<String> failed, List<String> inState) {
        return "completed: " + listOrNone(completed) + "; failed: " + listOrNone(failed)
                + "; left in state (destroy removes them): " + listOrNone(inState);
    }

    private static String listOrNone(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }
}
