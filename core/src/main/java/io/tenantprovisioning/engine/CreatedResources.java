package io.tenantprovisioning.engine;

import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.model.ResourceKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the create phase hands to the configure phase: each resource with its journal entry, in creation
 * order, and the engine's own outputs (the terraform engine's plan hash and plain outputs). Holds the
 * resources' credentials in memory between the phases; {@link #toString()} shows none.
 */
public record CreatedResources(List<Entry> entries, Map<String, String> engineOutputs) {

    public CreatedResources {
        entries = List.copyOf(entries);
        engineOutputs = Collections.unmodifiableMap(new LinkedHashMap<>(engineOutputs));
    }

    /** One created (or adopted) resource and the journal entry recording it. */
    public record Entry(long journalEntry, CreatedResource resource) {
        @Override
        public String toString() {
            return "Entry[" + journalEntry + ", " + resource.kind().stepName() + " " + resource.name() + "]";
        }
    }

    public Optional<Entry> of(ResourceKind kind) {
        return entries.stream().filter(e -> e.resource().kind() == kind).findFirst();
    }

    /** The kinds created, in order (for the lifecycle's record of the phase). */
    public List<ResourceKind> kinds() {
        return entries.stream().map(e -> e.resource().kind()).toList();
    }

    /** The engine's outputs, then every resource's non-secret attributes. */
    public Map<String, String> outputs() {
        Map<String, String> outputs = new LinkedHashMap<>(engineOutputs);
        entries.forEach(e -> outputs.putAll(e.resource().attributes()));
        return outputs;
    }

    @Override
    public String toString() {
        return "CreatedResources" + entries;
    }
}
