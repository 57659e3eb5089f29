package io.tenantprovisioning.application;

import io.tenantprovisioning.engine.ProvisioningJournal;
import io.tenantprovisioning.registry.ResourceJournal;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.model.ResourceKind;
import java.util.Map;
import java.util.UUID;

/** The engine's journal port, written to the registry's resource journal for one tenant. */
final class RegistryJournal implements ProvisioningJournal {

    private final ResourceJournal journal;
    private final UUID tenantId;

    RegistryJournal(ResourceJournal journal, UUID tenantId) {
        this.journal = journal;
        this.tenantId = tenantId;
    }

    @Override
    public long intend(ResourceKind kind, String name, String engine) {
        return journal.intend(tenantId, kind, name, engine);
    }

    @Override
    public void created(long entryId, CreatedResource resource, Map<String, String> tags) {
        journal.markCreated(entryId, resource, tags);
    }
}
