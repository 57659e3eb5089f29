package io.tenantprovisioning.registry;

/** Where a journalled resource stands: about to be created, created, or deleted again. */
public enum JournalStatus {
    INTENDED, CREATED, DELETED
}
