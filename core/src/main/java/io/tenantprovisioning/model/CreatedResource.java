package io.tenantprovisioning.model;

import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.config.Secret;
import java.util.Map;

/**
 * A resource as the service reported it after creation.
 *
 * @param identifier the service's own identifier (schema OID, bucket ARN, index path, ...)
 * @param attributes non-secret facts validation needs (role name, access key id, endpoint, ...);
 *                   keys are prefixed with the kind's step name, e.g. {@code postgres.role}
 * @param secrets    credentials generated for the tenant (stored encrypted by the engine, never logged),
 *                   keys prefixed the same way, e.g. {@code postgres.password}
 */
public record CreatedResource(
        ResourceKind kind,
        String name,
        String identifier,
        Map<String, String> attributes,
        Map<String, Secret> secrets) {
    public CreatedResource {
        attributes = Map.copyOf(attributes);
        secrets = Map.copyOf(secrets);
    }
}
