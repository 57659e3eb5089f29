package io.tenantprovisioning.engine;

import java.util.List;

/**
 * A change's plan would create, destroy or replace a resource of a serving tenant: refused before anyone is
 * asked to approve it (a serving tenant's data is never destroyed by a change). Nothing was recorded or applied.
 */
public final class ChangeNotInPlaceException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final List<String> summary;

    public ChangeNotInPlaceException(String message, List<String> summary) {
        super(message);
        this.summary = List.copyOf(summary);
    }

    /** The refused plan's lines (addresses and actions, no values). */
    public List<String> summary() {
        return summary;
    }
}
