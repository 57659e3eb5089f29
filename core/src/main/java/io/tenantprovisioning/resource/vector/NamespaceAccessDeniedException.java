package io.tenantprovisioning.resource.vector;

import io.tenantprovisioning.resource.ResourceException;

/** A caller asked for a namespace that is not its own; nothing was read. */
public final class NamespaceAccessDeniedException extends ResourceException {

    private static final long serialVersionUID = 1L;

    public NamespaceAccessDeniedException(String caller, String namespace) {
        super("vector store: tenant '" + caller + "' may only query namespace tenant-" + caller
                + ", not '" + namespace + "'");
    }
}
