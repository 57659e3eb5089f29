package io.tenantprovisioning.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.rag.MiniLmEmbedder;
import io.tenantprovisioning.rag.TenantCorpus;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.vector.LuceneVectorStore;
import io.tenantprovisioning.resource.vector.VectorDocument;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.VectorFixtures;
import io.tenantprovisioning.tier.Tier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Check 3 on a real Lucene index with the real model, and on stores broken on purpose. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorSearchCheckTest {

    private MiniLmEmbedder embedder;
    private LuceneVectorStore lucene;
    private TenantAccess tenant;

    @BeforeAll
    void loadModel() {
        embedder = new MiniLmEmbedder();
    }

    @BeforeEach
    void setUp(@TempDir Path root) throws Exception {
        lucene = new LuceneVectorStore(root, embedder.dimensions());
        Slug slug = TestServices.uniqueSlug("vc");
        tenant = VectorFixtures.access(slug, Tier.GOLD);
        lucene.createNamespace(slug, tenant.tags());
        new TenantCorpus(lucene, embedder).seedDemoDocuments(slug);
    }

    @Test
    void passesOnAHealthyNamespaceAndLeavesNothingBehind() throws Exception {
        long before = lucene.describe(tenant.slug()).orElseThrow().documents();
        VectorSearchCheck check = new VectorSearchCheck(lucene, embedder);

        CheckOutcome outcome = check.run(tenant);

        assertThat(outcome).isInstanceOf(CheckOutcome.Passed.class);
        assertThat(outcome.message()).contains("nearest neighbour in " + tenant.slug().qualifiedName());
        assertThat(((CheckOutcome.Passed) outcome).figure()).matches("top score 0\\.9\\d\\d|top score 1\\.000");
        assertThat(lucene.describe(tenant.slug()).orElseThrow().documents()).isEqualTo(before);
        assertThat(check.id()).isEqualTo("vector-search");
        assertThat(check.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(check.critical()).isTrue();
    }

    @Test
    void failsWhenTheNamespaceIsMissing() throws Exception {
        lucene.dropNamespace(tenant.slug());

        CheckOutcome outcome = new VectorSearchCheck(lucene, embedder).run(tenant);

        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).isEqualTo("vector namespace " + tenant.slug().qualifiedName()
                + " does not exist in the lucene store; re-provision the tenant's vector resource");
    }

    @Test
    void failsWhenWritesAreLost() throws Exception {
        ForwardingVectorStore lossy = new ForwardingVectorStore(lucene) {
            @Override
            public void upsert(Slug slug, List<VectorDocument> documents) {
                // broken on purpose: acknowledges and drops the write
            }
        };

        CheckOutcome outcome = new VectorSearchCheck(lossy, embedder).run(tenant);

        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).contains("was not the nearest neighbour of its own text (top hit: 'demo:");
    }

    @Test
    void failsWhenDeletesDoNotReachTheIndex() throws Exception {
        ForwardingVectorStore deaf = new ForwardingVectorStore(lucene) {
            @Override
            public void delete(Slug slug, List<String> ids) throws ResourceException {
                // broken on purpose: deletes are ignored
            }
        };

        CheckOutcome outcome = new VectorSearchCheck(deaf, embedder).run(tenant);

        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).contains("still returned from " + tenant.slug().qualifiedName()
                + " after it was deleted");
    }
}
