package io.tenantprovisioning.resource.redis;

import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.IsolationProbeRef;
import io.tenantprovisioning.resource.ResourceKindModule;
import io.tenantprovisioning.resource.TerraformMapping;
import java.util.Optional;

/**
 * The redis kind: ACL user {@code t_<slug>} on the key and channel prefix {@code t:<slug>:} with the tag
 * marker in the admin's metadata hash outside that prefix (create), the tier quota in that hash
 * (configure). No root module creates it: there is no Redis ACL provider to obtain, so the driver owns
 * it whichever engine runs.
 */
public record RedisKind() implements ResourceKindModule {

    @Override
    public ResourceKind kind() {
        return ResourceKind.REDIS;
    }

    /** The ACL user: {@code t_acme-corp}. */
    @Override
    public String name(Slug slug) {
        return slug.redisUser();
    }

    @Override
    public Optional<IsolationProbeRef> isolationProbe() {
        return Optional.of(new IsolationProbeRef(IsolationProbeRef.CROSS_TENANT_CHECK, kind().stepName(),
                "GET/KEYS/SCAN/FLUSHALL on another prefix, CLIENT TRACKING, EVAL, SCRIPT KILL and writes to its"
                        + " own tags refused (ACL DRYRUN and for real)"));
    }

    @Override
    public TerraformMapping terraform() {
        return TerraformMapping.NONE;
    }
}
