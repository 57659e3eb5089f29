package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.engine.ProvisioningJournal;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.model.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A journal that keeps its entries in memory, in the order the engine wrote them. */
final class RecordingJournal implements ProvisioningJournal {

    /** One journal row: the intent, and the created resource once the engine reported it. */
    record Entry(ResourceKind kind, String name, String engine, CreatedResource created) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public synchronized long intend(ResourceKind kind, String name, String engine) {
        entries.add(new Entry(kind, name, engine, null));
        return entries.size() - 1L;
    }

    @Override
    public synchronized void created(long entryId, CreatedResource resource, Map<String, String> tags) {
        Entry intent = entries.get((int) entryId);
        entries.set((int) entryId, new Entry(intent.kind(), intent.name(), intent.engine(), resource));
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }
}
