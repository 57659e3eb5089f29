package io.tenantprovisioning.engine.terraform;

import java.util.List;

/**
 * A successful {@code apply} or {@code destroy}.
 *
 * @param operation "apply" or "destroy"
 * @param completed addresses whose change completed, in the order they completed
 * @param added     counts from the final change_summary message
 * @param warnings  warning diagnostics
 */
public record ApplyResult(String operation, List<String> completed, int added, int changed, int destroyed,
                          List<Diagnostic> warnings) {

    public ApplyResult {
        completed = List.copyOf(completed);
        warnings = List.copyOf(warnings);
    }
}
