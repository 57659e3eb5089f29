package io.tenantprovisioning.resource.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene store on real index directories, with small hand-made unit vectors. */
class LuceneVectorStoreTest {

    private static final int DIMS = 4;

    @TempDir
    Path root;

    private LuceneVectorStore store;
    private final Slug acme = TestServices.uniqueSlug("lv");
    private final Slug globex = TestServices.uniqueSlug("lv");

    @BeforeEach
    void setUp() {
        store = new LuceneVectorStore(root, DIMS);
    }

    private static VectorDocument doc(String id, float... v) {
        return new VectorDocument(id, "Title " + id, "Text of " + id + ".", v, Map.of("kind", "test"));
    }

    @Test
    void createDescribeAndDropAreIdempotentAndReadTagsFromTheIndex() throws Exception {
        Map<String, String> tags = Map.of("TenantID", acme.value(), "Tier", "Gold", "ManagedBy", "tenantctl");
        store.createNamespace(acme, tags);
        store.createNamespace(acme, tags);

        NamespaceDescription described = store.describe(acme).orElseThrow();
        assertThat(described.namespace()).isEqualTo("tenant-" + acme.value());
        assertThat(described.tags()).isEqualTo(tags);
        assertThat(described.identifier()).isEqualTo(root.resolve("tenant-" + acme.value()).toString());
        assertThat(described.documents()).isZero();

        store.dropNamespace(acme);
        assertThat(store.describe(acme)).isEmpty();
        assertThat(root.resolve("tenant-" + acme.value())).doesNotExist();
        store.dropNamespace(acme);
    }

    @Test
    void tagsSurviveLaterWritesAndRecreateKeepsPassages() throws Exception {
        store.createNamespace(acme, Map.of("CostCenter", "CC_A"));
        store.upsert(acme, doc("a", 1, 0, 0, 0));
        store.delete(acme, "missing");
        store.createNamespace(acme, Map.of("CostCenter", "CC_A"));

        NamespaceDescription described = store.describe(acme).orElseThrow();
        assertThat(described.tags()).containsEntry("CostCenter", "CC_A").hasSize(1);
        assertThat(described.documents()).isEqualTo(1);
    }

    @Test
    void recreatingWithNewTagsReplacesThem() throws Exception {
        store.createNamespace(acme, Map.of("RequestId", "req-1", "Tier", "Silver"));
        store.createNamespace(acme, Map.of("RequestId", "req-2", "Tier", "Gold"));

        assertThat(store.describe(acme).orElseThrow().tags()).isEqualTo(Map.of("RequestId", "req-2", "Tier", "Gold"));
    }

    @Test
    void queryReturnsNearestFirstAndDeleteRemoves() throws Exception {
        store.createNamespace(acme, Map.of());
        store.upsert(acme, List.of(doc("x", 1, 0, 0, 0), doc("y", 0, 1, 0, 0), doc("z", 0, 0, 1, 0)));
        store.upsert(acme, doc("y", 0, 0.6f, 0.8f, 0)); // replaces y

        List<VectorHit> hits = store.query(acme, new float[] {0, 0, 1, 0}, 2);
        assertThat(hits).extracting(VectorHit::id).containsExactly("z", "y");
        assertThat(hits.get(0).title()).isEqualTo("Title z");
        assertThat(hits.get(0).text()).isEqualTo("Text of z.");
        assertThat(hits.get(0).namespace()).isEqualTo(acme.qualifiedName());
        assertThat(store.describe(acme).orElseThrow().documents()).isEqualTo(3);

        store.delete(acme, "z");
        assertThat(store.query(acme, new float[] {0, 0, 1, 0}, 3)).extracting(VectorHit::id).doesNotContain("z");
    }

    @Test
    void refusesAQueryAddressedToAnotherTenantsNamespace() throws Exception {
        store.createNamespace(acme, Map.of());
        store.createNamespace(globex, Map.of());
        store.upsert(globex, doc("secret", 1, 0, 0, 0));

        assertThatThrownBy(() -> store.query(acme, globex.qualifiedName(), new float[] {1, 0, 0, 0}, 5))
                .isInstanceOf(NamespaceAccessDeniedException.class)
                .hasMessageContaining("may only query namespace " + acme.qualifiedName());
        assertThat(store.query(acme, new float[] {1, 0, 0, 0}, 5)).isEmpty();
    }

    @Test
    void writingToAMissingNamespaceFailsClearlyAndCreatesNothing() {
        assertThatThrownBy(() -> store.upsert(acme, doc("a", 1, 0, 0, 0)))
                .isInstanceOf(ResourceException.class)
                .hasMessageContaining("vector namespace " + acme.qualifiedName() + " does not exist");
        assertThatThrownBy(() -> store.query(acme, new float[] {1, 0, 0, 0}, 1))
                .hasMessageContaining("does not exist");
        assertThat(root.resolve(acme.qualifiedName())).doesNotExist();
    }

    @Test
    void rejectsVectorsOfTheWrongDimension() throws Exception {
        store.createNamespace(acme, Map.of());
        assertThatThrownBy(() -> store.upsert(acme, doc("a", 1, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vector has 3 dimensions; this store expects 4");
        assertThat(store.describe(acme).orElseThrow().documents()).isZero();
    }

    @Test
    void listsOnlyTenantIndexes() throws Exception {
        store.createNamespace(acme, Map.of("ManagedBy", "tenantctl"));
        store.createNamespace(globex, Map.of());
        Files.createDirectories(root.resolve("not-a-tenant"));
        Files.createDirectories(root.resolve("tenant-empty-dir"));

        List<NamespaceDescription> listed = store.listNamespaces();
        assertThat(listed).extracting(NamespaceDescription::namespace)
                .containsExactlyInAnyOrder(acme.qualifiedName(), globex.qualifiedName())
                .isSorted();
        assertThat(listed).filteredOn(ns -> ns.namespace().equals(acme.qualifiedName()))
                .singleElement().extracting(NamespaceDescription::tags).isEqualTo(Map.of("ManagedBy", "tenantctl"));
        assertThat(new LuceneVectorStore(root.resolve("nothing-here"), DIMS).listNamespaces()).isEmpty();
    }

    @Test
    void aWriteWaitsForAnotherProcesssWriterOfTheSameIndexInsteadOfFailing() throws Exception {
        store.createNamespace(acme, Map.of("TenantID", acme.value()));
        // another process (its own store instance) holds the index's write lock for a moment
        org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(store.indexDirectory(acme));
        org.apache.lucene.index.IndexWriter other = new org.apache.lucene.index.IndexWriter(dir,
                new org.apache.lucene.index.IndexWriterConfig());
        java.util.concurrent.CompletableFuture<Void> write = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                new LuceneVectorStore(root, DIMS).upsert(acme, doc("waited", 1, 0, 0, 0));
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Thread.sleep(300);
        assertThat(write).as("still waiting for the other writer").isNotDone();
        other.close();
        dir.close();

        write.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(store.describe(acme).orElseThrow().documents()).isEqualTo(1);
        store.dropNamespace(acme);
    }
}
