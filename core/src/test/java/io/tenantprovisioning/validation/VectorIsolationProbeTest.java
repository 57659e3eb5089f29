package io.tenantprovisioning.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.rag.MiniLmEmbedder;
import io.tenantprovisioning.rag.TenantCorpus;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.vector.LuceneVectorStore;
import io.tenantprovisioning.resource.vector.VectorDocument;
import io.tenantprovisioning.resource.vector.VectorHit;
import io.tenantprovisioning.resource.vector.VectorStore;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.VectorFixtures;
import io.tenantprovisioning.tier.Tier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The vector isolation probe on real Lucene indexes: green when isolated, red when isolation is broken. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorIsolationProbeTest {

    private MiniLmEmbedder embedder;
    private LuceneVectorStore lucene;
    private TenantAccess a;
    private TenantAccess b;

    @BeforeAll
    void loadModel() {
        embedder = new MiniLmEmbedder();
    }

    @BeforeEach
    void setUp(@TempDir Path root) throws Exception {
        lucene = new LuceneVectorStore(root, embedder.dimensions());
        Slug slugA = TestServices.uniqueSlug("ia");
        Slug slugB = TestServices.uniqueSlug("ib");
        a = VectorFixtures.access(slugA, Tier.SILVER);
        b = VectorFixtures.access(slugB, Tier.GOLD);
        lucene.createNamespace(slugA, a.tags());
        lucene.createNamespace(slugB, b.tags());
        new TenantCorpus(lucene, embedder).seedProbeDocuments(slugA);
    }

    @Test
    void isolatedNamespacesShowNoViolationAndTheMarkerIsRemoved() throws Exception {
        List<String> violations = new VectorIsolationProbe(lucene, embedder).violations(a, b);

        assertThat(violations).isEmpty();
        assertThat(lucene.describe(b.slug()).orElseThrow().documents()).isZero();
        assertThat(new VectorIsolationProbe(lucene, embedder).backend()).isEqualTo("vector");
    }

    @Test
    void oneIndexSharedByBothTenantsIsReportedTwice() throws Exception {
        Slug shared = TestServices.uniqueSlug("shared");
        lucene.createNamespace(shared, a.tags());
        VectorStore sharedIndex = new ForwardingVectorStore(lucene) {
            @Override
            public void upsert(Slug slug, List<VectorDocument> documents) throws ResourceException {
                delegate.upsert(shared, documents);
            }

            @Override
            public void delete(Slug slug, List<String> ids) throws ResourceException {
                delegate.delete(shared, ids);
            }

            @Override
            public List<VectorHit> query(Slug caller, String namespace, float[] vector, int k)
                    throws ResourceException {
                return delegate.query(shared, vector, k); // ignores the namespace and the caller
            }
        };

        List<String> violations = new VectorIsolationProbe(sharedIndex, embedder).violations(a, b);

        assertThat(violations).hasSize(2);
        assertThat(violations.get(0)).startsWith("vector: a query of tenant " + a.slug())
                .contains("returned tenant " + b.slug() + "'s marker passage");
        assertThat(violations.get(1)).isEqualTo("vector: the lucene store accepted a query of tenant " + a.slug()
                + " addressed to namespace " + b.slug().qualifiedName() + " (1 results)");
        assertThat(lucene.describe(shared).orElseThrow().documents()).isZero();
    }

    @Test
    void aStoreThatServesAnyNamespaceAskedForIsReported() throws Exception {
        VectorStore noGuard = new ForwardingVectorStore(lucene) {
            @Override
            public List<VectorHit> query(Slug caller, String namespace, float[] vector, int k)
                    throws ResourceException {
                Slug owner = Slug.of(namespace.substring("tenant-".length()));
                return delegate.query(owner, vector, k); // trusts the namespace the caller names
            }
        };

        List<String> violations = new VectorIsolationProbe(noGuard, embedder).violations(a, b);

        assertThat(violations).singleElement().asString()
                .contains("accepted a query of tenant " + a.slug() + " addressed to namespace " + b.slug().qualifiedName());
    }
}
