package io.tenantprovisioning.application;

import io.tenantprovisioning.request.Slug;

/**
 * Runs between configuration and validation. The demo uses it to break one isolation property on
 * purpose (to show validation catching it and the rollback); production runs use {@link #NONE}.
 */
@FunctionalInterface
public interface PipelineHook {

    PipelineHook NONE = slug -> { };

    void beforeValidation(Slug slug) throws Exception;
}
