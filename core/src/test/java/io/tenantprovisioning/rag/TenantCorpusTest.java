package io.tenantprovisioning.rag;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.vector.LuceneVectorStore;
import io.tenantprovisioning.resource.vector.VectorHit;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.VectorFixtures;
import io.tenantprovisioning.tier.Tier;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus embeds the demo passages once per process and indexes the model's own vectors every time. */
class TenantCorpusTest {

    @TempDir
    Path root;

    @Test
    void theDemoPassagesAreEmbeddedOnceAndEverySeedingIndexesTheModelsVectors() throws Exception {
        MiniLmEmbedder model = new MiniLmEmbedder();
        AtomicInteger embedded = new AtomicInteger();
        Embedder counting = new Embedder() {
            @Override
            public float[] embed(String text) {
                embedded.incrementAndGet();
                return model.embed(text);
            }

            @Override
            public int dimensions() {
                return model.dimensions();
            }
        };
        LuceneVectorStore store = new LuceneVectorStore(root, model.dimensions());
        TenantCorpus corpus = new TenantCorpus(store, counting);
        Slug first = TestServices.uniqueSlug("corpus");
        Slug second = TestServices.uniqueSlug("corpus");
        store.createNamespace(first, VectorFixtures.tags(first, Tier.BRONZE));
        store.createNamespace(second, VectorFixtures.tags(second, Tier.GOLD));
        int passages = DemoDocuments.load().size();

        List<String> probes = corpus.seedProbeDocuments(first);
        corpus.remove(first, probes);
        List<String> again = corpus.seedProbeDocuments(first);
        int demo = corpus.seedDemoDocuments(second);

        assertThat(embedded).as("each demo passage embedded once for three seedings").hasValue(passages);
        assertThat(again).isEqualTo(probes).hasSize(passages);
        assertThat(demo).isEqualTo(passages);
        // the vector indexed for a passage is the model's vector of that passage's text: its own nearest hit
        CorpusPassage sample = DemoDocuments.load().get(passages / 2);
        List<VectorHit> hits = store.query(second, model.embed(sample.embeddingText()), 1);
        assertThat(hits).extracting(VectorHit::id).containsExactly(TenantCorpus.DEMO_PREFIX + sample.id());
        assertThat(hits.get(0).score()).isGreaterThan(0.99);
        List<VectorHit> probeHits = store.query(first, model.embed(sample.embeddingText()), 1);
        assertThat(probeHits).extracting(VectorHit::id).containsExactly(TenantCorpus.PROBE_PREFIX + sample.id());
    }
}
