package io.tenantprovisioning.engine;

import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.model.ResourceKind;

/**
 * Where an engine writes down what it is about to create and what it created, durably, before and
 * after each step. Rollback reads the same records back (intent rows included: an intent without a
 * result may still have left something on the service).
 */
public interface ProvisioningJournal {

    /** Records the intent to create; returns the entry's id. Must be durable before the create starts. */
    long intend(ResourceKind kind, String name, String engine);

    /** Marks the entry created, with the service's identifier, the tags and the non-secret attributes. */
    void created(long entryId, CreatedResource resource, java.util.Map<String, String> tags);

    /**
     * Records the attributes configuration added to a created entry. The entry stays CREATED (configuring
     * creates nothing to roll back); by default the entry is re-marked with the configured resource.
     */
    default void configured(long entryId, CreatedResource resource, java.util.Map<String, String> tags) {
        created(entryId, resource, tags);
    }
}
