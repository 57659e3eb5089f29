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
    private final List<String> untracked;

    /**
     * @param untracked addresses created or changed during this run that the state does not record:
     *                  the process died before its next state write (OpenTofu writes state at most
     *                  every 20 s during an apply, and at the end)
     */
    public ApplyFailedException(TerraformErrorCode code, String operation, List<String> completed, List<String> failed,
                                List<String> resourcesInState, List<String> untracked, List<Diagnostic> diagnostics,
                                String stderr) {
        super(code, operation + " failed; " + describe(completed, failed, resourcesInState, untracked), diagnostics,
                stderr);
        this.operation = operation;
        this.completed = List.copyOf(completed);
        this.failed = List.copyOf(failed);
        this.resourcesInState = List.copyOf(resourcesInState);
        this.untracked = List.copyOf(untracked);
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

    /**
     * Created or changed during this run but absent from the state: destroy will not remove them, only
     * the tag/name sweep can find them. Empty after an ordinary failure, where OpenTofu writes state.
     */
    public List<String> untracked() {
        return untracked;
    }

    private static String describe(List<String> completed, List<String> failed, List<String> inState,
                                   List<String> untracked) {
        String text = "completed: " + listOrNone(completed) + "; failed: " + listOrNone(failed)
                + "; left in state (destroy removes them): " + listOrNone(inState);
        return untracked.isEmpty() ? text : text + "; created but NOT recorded in state (destroy cannot see them, "
                + "the sweep must find them): " + String.join(", ", untracked);
    }

    private static String listOrNone(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }
}
