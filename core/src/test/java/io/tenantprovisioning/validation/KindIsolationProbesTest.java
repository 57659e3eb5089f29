package io.tenantprovisioning.validation;

import io.tenantprovisioning.testing.TestServices;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.rag.Embedder;
import io.tenantprovisioning.resource.IsolationProbeRef;
import io.tenantprovisioning.resource.ResourceKindModule;
import io.tenantprovisioning.resource.kinds.ResourceKinds;
import io.tenantprovisioning.resource.objectstore.BucketNaming;
import io.tenantprovisioning.resource.objectstore.FilesystemBackend;
import io.tenantprovisioning.resource.redis.RedisEndpoint;
import io.tenantprovisioning.resource.vector.LuceneVectorStore;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The isolation probe each kind module names is a probe validation really runs: the cross-tenant
 * check has exactly one probe per kind that names one there, and the kind naming another check names
 * a check that exists. Nothing here touches a service.
 */
class KindIsolationProbesTest {

    @TempDir
    Path temp;

    private final List<ResourceKindModule> modules = ResourceKinds.withBucketPrefix("tenant").all();

    @Test
    void theCrossTenantCheckProbesExactlyTheKindsThatNameIt() {
        Embedder embedder = new Embedder() {
            @Override
            public float[] embed(String text) {
                return new float[384];
            }

            @Override
            public int dimensions() {
                return 384;
            }
        };
        List<IsolationProbe> probes = List.of(new PostgresIsolationProbe(),
                new RedisIsolationProbe(new RedisEndpoint("127.0.0.1", 6379), Secret.of("unused")),
                new ObjectStoreIsolationProbe(new FilesystemBackend(temp.resolve("buckets"), new BucketNaming("tenant"), TestServices.MARKER)),
                new VectorIsolationProbe(new LuceneVectorStore(temp.resolve("vectors"), 384), embedder));

        Set<String> named = refs().stream().filter(r -> r.checkId().equals(CrossTenantIsolationCheck.ID))
                .map(IsolationProbeRef::probe).collect(Collectors.toSet());
        assertThat(probes).extracting(IsolationProbe::backend).containsExactlyInAnyOrderElementsOf(named);
        assertThat(named).containsExactlyInAnyOrder(ResourceKind.POSTGRES.stepName(), ResourceKind.REDIS.stepName(),
                ResourceKind.OBJECT_STORE.stepName(), ResourceKind.VECTOR.stepName());
    }

    @Test
    void everyOtherCheckAKindNamesExistsAndOnlyMonitoringNamesNone() {
        assertThat(refs()).map(IsolationProbeRef::checkId)
                .allMatch(id -> id.equals(CrossTenantIsolationCheck.ID) || id.equals(JwtAuthenticationCheck.ID));
        Set<ResourceKind> without = EnumSet.noneOf(ResourceKind.class);
        modules.stream().filter(m -> m.isolationProbe().isEmpty()).forEach(m -> without.add(m.kind()));
        assertThat(without).containsExactly(ResourceKind.MONITORING);
    }

    private List<IsolationProbeRef> refs() {
        return modules.stream().map(ResourceKindModule::isolationProbe).flatMap(Optional::stream).toList();
    }
}
