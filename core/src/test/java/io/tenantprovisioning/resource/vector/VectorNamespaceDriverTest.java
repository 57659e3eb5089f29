package io.tenantprovisioning.resource.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.rag.DemoDocuments;
import io.tenantprovisioning.rag.MiniLmEmbedder;
import io.tenantprovisioning.rag.TenantCorpus;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.VectorFixtures;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.testing.KindPhases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The vector driver on real Lucene indexes with the real MiniLM model. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorNamespaceDriverTest {

    @TempDir
    Path root;

    private MiniLmEmbedder embedder;
    private LuceneVectorStore store;
    private VectorNamespaceDriver driver;

    @BeforeAll
    void loadModel() {
        embedder = new MiniLmEmbedder();
    }

    @BeforeEach
    void setUp() {
        store = new LuceneVectorStore(root.resolve("vectors-" + System.nanoTime()), embedder.dimensions());
        driver = new VectorNamespaceDriver(store, new TenantCorpus(store, embedder), TestServices.MARKER);
    }

    @Test
    void goldTenantGetsATaggedIndexWithTheDemoDocuments() throws Exception {
        Slug slug = TestServices.uniqueSlug("vg");
        CreatedResource created = KindPhases.createAndConfigure(driver, VectorFixtures.spec(slug, Tier.GOLD));

        int demoPassages = DemoDocuments.load().size();
        assertThat(created.kind()).isEqualTo(ResourceKind.VECTOR);
        assertThat(created.name()).isEqualTo("tenant-" + slug.value());
        assertThat(created.identifier()).isEqualTo(store.indexDirectory(slug).toString());
        assertThat(created.attributes()).containsEntry("vector.namespace", "tenant-" + slug.value())
                .containsEntry("vector.backend", "lucene")
                .containsEntry("vector.documents", Integer.toString(demoPassages));
        assertThat(created.secrets()).isEmpty();

        ResourceDescription described = driver.describe(slug).orElseThrow();
        assertThat(described.tags()).isEqualTo(TestServices.MARKER.stamp(VectorFixtures.tags(slug, Tier.GOLD), slug));

        // idempotent: a re-run replaces the same passages, adds none
        KindPhases.createAndConfigure(driver, VectorFixtures.spec(slug, Tier.GOLD));
        assertThat(store.describe(slug).orElseThrow().documents()).isEqualTo(demoPassages);
    }

    @Test
    void silverTenantGetsAnEmptyTaggedIndex() throws Exception {
        Slug slug = TestServices.uniqueSlug("vs");
        CreatedResource created = driver.create(VectorFixtures.spec(slug, Tier.SILVER));

        assertThat(created.attributes()).containsEntry("vector.documents", "0");
        assertThat(driver.describe(slug).orElseThrow().tags()).containsEntry("Tier", "Silver")
                .containsEntry("CostCenter", slug.defaultCostCenter());
    }

    @Test
    void destroyRemovesTheIndexAndIsIdempotent() throws Exception {
        Slug slug = TestServices.uniqueSlug("vd");
        driver.create(VectorFixtures.spec(slug, Tier.BRONZE));

        driver.destroy(slug);
        assertThat(driver.describe(slug)).isEmpty();
        assertThat(store.indexDirectory(slug)).doesNotExist();
        driver.destroy(slug);
        assertThat(driver.listManaged()).isEmpty();
    }

    @Test
    void listManagedFindsOnlyIndexesTaggedManagedByTenantctl() throws Exception {
        Slug ours = TestServices.uniqueSlug("vm");
        Slug foreign = TestServices.uniqueSlug("vm");
        driver.create(VectorFixtures.spec(ours, Tier.BRONZE));
        store.createNamespace(foreign, Map.of("ManagedBy", "someone-else"));

        assertThat(driver.listManaged())
                .containsExactly(new ManagedResource(ResourceKind.VECTOR, ours.qualifiedName(), ours.value()));
    }

    @Test
    void aQuestionAboutTheSlaRetrievesTheSlaDocument() throws Exception {
        Slug slug = TestServices.uniqueSlug("vq");
        KindPhases.createAndConfigure(driver, VectorFixtures.spec(slug, Tier.GOLD));

        List<VectorHit> hits = store.query(slug, embedder.embed("What uptime percentage do you guarantee?"), 3);
        assertThat(hits.get(0).title()).isEqualTo("Service Level Agreement");
        assertThat(hits.get(0).text()).contains("99.9 percent");

        List<VectorHit> security = store.query(slug, embedder.embed("Is our data encrypted at rest?"), 3);
        assertThat(security.get(0).title()).isEqualTo("Security Whitepaper (excerpt)");
    }

    @Test
    void embeddingsAreUnitLengthWith384Dimensions() {
        float[] v = embedder.embed("How long are query logs kept?");
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertThat(v).hasSize(384);
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    }
}
