package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.config.Secret;
import java.util.List;
import java.util.Map;

/**
 * Where a tenant's state lives. {@link TenantWorkspace} writes {@link #type()} and {@link #settings()}
 * into {@code backend_override.tf.json}, which replaces any backend block of the root module; secrets
 * reach the process only through {@link #secretEnvironment()}, never argv or files.
 */
public sealed interface BackendConfig permits PgBackend, S3Backend {

    /** The backend type, as in {@code backend "<type>" {}}. */
    String type();

    /** Non-secret settings of the backend block. */
    Map<String, Object> settings();

    /** Variables the backend reads its secrets from (pg: PG_CONN_STR). */
    Map<String, Secret> secretEnvironment();

    /** Every secret value to mask in captured output (also parts of composite secrets). */
    List<Secret> masked();

    /** How to name the holder of a lock on this backend. */
    LockInspector lockInspector();
}
