package io.tenantprovisioning.resource.vector;

import io.tenantprovisioning.config.OwnerOnlyFiles;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The embedded vector store: one Lucene index directory per tenant, {@code <root>/tenant-<slug>}, with an
 * HNSW {@link KnnFloatVectorField} scored by dot product (the embeddings are unit length). Tenant tags
 * live in the index's commit user data, so {@link #describe} reads them from the index itself.
 *
 * <p>Each operation opens and closes its own writer or reader: nothing stays open that could block a
 * destroy or hold {@code write.lock} across processes. Writes in one instance are serialised because
 * Lucene allows one writer per directory.
 */
public final class LuceneVectorStore implements VectorStore {

    /** About 5 s of waiting in all for another process's writer of the same index. */
    private static final int LOCK_ATTEMPTS = 40;
    static final String FIELD_ID = "id";
    static final String FIELD_TENANT = "tenant";
    static final String FIELD_TITLE = "title";
    static final String FIELD_TEXT = "text";
    static final String FIELD_VECTOR = "vector";
    static final String META_PREFIX = "meta.";
    /** Commit-data keys the store itself uses; never reported as tags. */
    static final String INTERNAL_PREFIX = "tenantctl.";

    private final Path root;
    private final int dimensions;
    private final Object writeLock = new Object();

    public LuceneVectorStore(Path root, int dimensions) {
        if (dimensions <= 0 || dimensions > 1024) {
            throw new IllegalArgumentException("Lucene vectors need 1-1024 dimensions, got " + dimensions);
        }
        this.root = root.toAbsolutePath();
        this.dimensions = dimensions;
    }

    @Override
    public String backend() {
        return "lucene";
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    /** The index directory of a tenant (it may not exist). */
    public Path indexDirectory(Slug slug) {
        return root.resolve(slug.qualifiedName());
    }

    @Override
    public void createNamespace(Slug slug, Map<String, String> tags) throws ResourceException {
        Map<String, String> commitData = new HashMap<>(tags);
        commitData.put(INTERNAL_PREFIX + "namespace", slug.qualifiedName());
        commitData.put(INTERNAL_PREFIX + "dimensions", Integer.toString(dimensions));
        synchronized (writeLock) {
            try {
                OwnerOnlyFiles.createFolders(indexDirectory(slug)); // the tenant's vectors and passages
                try (Directory dir = FSDirectory.open(indexDirectory(slug));
                     IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
                    writer.setLiveCommitData(commitData.entrySet());
                    writer.commit();
                }
            } catch (IOException e) {
                throw failure("create", slug, e);
            }
        }
    }

    @Override
    public void dropNamespace(Slug slug) throws ResourceException {
        Path dir = indexDirectory(slug);
        synchronized (writeLock) {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw failure("delete", slug, e);
            }
        }
    }

    @Override
    public Optional<NamespaceDescription> describe(Slug slug) throws ResourceException {
        Path path = indexDirectory(slug);
        if (!Files.isDirectory(path)) {
            return Optional.empty();
        }
        try {
            return describeDirectory(path);
        } catch (IOException e) {
            throw failure("read", slug, e);
        }
    }

    @Override
    public List<NamespaceDescription> listNamespaces() throws ResourceException {
        List<NamespaceDescription> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (dir.getFileName().toString().startsWith("tenant-")) {
                    describeDirectory(dir).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            throw new ResourceException("vector store: cannot list indexes under " + root + ": " + e.getMessage(), e);
        }
        return found;
    }

    private Optional<NamespaceDescription> describeDirectory(Path path) throws IOException {
        try (Directory dir = FSDirectory.open(path)) {
            if (!DirectoryReader.indexExists(dir)) {
                return Optional.empty();
            }
            Map<String, String> tags = new HashMap<>(SegmentInfos.readLatestCommit(dir).getUserData());
            tags.keySet().removeIf(k -> k.startsWith(INTERNAL_PREFIX));
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                return Optional.of(new NamespaceDescription(path.getFileName().toString(), path.toString(), tags,
                        reader.numDocs()));
            }
        }
    }

    @Override
    public void upsert(Slug slug, List<VectorDocument> documents) throws ResourceException {
        List<Document> docs = new ArrayList<>(documents.size());
        for (VectorDocument document : documents) {
            docs.add(toLucene(slug, document));
        }
        write(slug, "index " + documents.size() + " passage(s) in", writer -> {
            for (Document doc : docs) {
                writer.updateDocument(new Term(FIELD_ID, doc.get(FIELD_ID)), doc);
            }
        });
    }

    private Document toLucene(Slug slug, VectorDocument document) {
        float[] vector = document.vector();
        requireDimensions(vector);
        Document doc = new Document();
        doc.add(new StringField(FIELD_ID, document.id(), Field.Store.YES));
        doc.add(new StringField(FIELD_TENANT, slug.value(), Field.Store.YES));
        doc.add(new StoredField(FIELD_TITLE, document.title()));
        doc.add(new StoredField(FIELD_TEXT, document.text()));
        doc.add(new KnnFloatVectorField(FIELD_VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        document.metadata().forEach((k, v) -> doc.add(new StoredField(META_PREFIX + k, v)));
        return doc;
    }

    @Override
    public void delete(Slug slug, List<String> ids) throws ResourceException {
        if (ids.isEmpty() || !indexExists(slug)) {
            return;
        }
        Term[] terms = ids.stream().map(id -> new Term(FIELD_ID, id)).toArray(Term[]::new);
        write(slug, "delete " + ids.size() + " passage(s) from", writer -> writer.deleteDocuments(terms));
    }

    @Override
    public List<VectorHit> query(Slug caller, String namespace, float[] vector, int k) throws ResourceException {
        VectorStore.requireOwnNamespace(caller, namespace);
        requireDimensions(vector);
        if (k <= 0) {
            throw new IllegalArgumentException("vector query: k must be positive, got " + k);
        }
        if (!indexExists(caller)) {
            throw new ResourceException("vector namespace " + namespace + " does not exist in " + root);
        }
        try (Directory dir = FSDirectory.open(indexDirectory(caller));
             DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            TopDocs top = searcher.search(new KnnFloatVectorQuery(FIELD_VECTOR, vector, k), k);
            List<VectorHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = searcher.storedFields().document(sd.doc);
                if (!caller.value().equals(d.get(FIELD_TENANT))) {
                    // Defence in depth: an index holding another tenant's passage is corrupt; answer nothing.
                    throw new ResourceException("vector namespace " + namespace + " holds a passage of another tenant ('"
                            + d.get(FIELD_ID) + "'); refusing to answer");
                }
                hits.add(new VectorHit(namespace, d.get(FIELD_ID), sd.score, d.get(FIELD_TITLE), d.get(FIELD_TEXT)));
            }
            return hits;
        } catch (IOException e) {
            throw failure("query", caller, e);
        }
    }

    private boolean indexExists(Slug slug) throws ResourceException {
        Path path = indexDirectory(slug);
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Directory dir = FSDirectory.open(path)) {
            return DirectoryReader.indexExists(dir);
        } catch (IOException e) {
            throw failure("open", slug, e);
        }
    }

    private interface WriterAction {
        void apply(IndexWriter writer) throws IOException;
    }

    private void write(Slug slug, String what, WriterAction action) throws ResourceException {
        synchronized (writeLock) {
            if (!indexExists(slug)) {
                throw new ResourceException("vector namespace " + slug.qualifiedName()
                        + " does not exist; create it before writing (cannot " + what + " it)");
            }
            for (int attempt = 1; ; attempt++) {
                try (Directory dir = FSDirectory.open(indexDirectory(slug));
                     IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
                    // Carry the tags forward explicitly: every commit must keep them for describe().
                    writer.setLiveCommitData(SegmentInfos.readLatestCommit(dir).getUserData().entrySet());
                    action.apply(writer);
                    writer.commit();
                    return;
                } catch (LockObtainFailedException held) {
                    // another process writes the same index (validations sharing the standing canary):
                    // its writer lives for milliseconds, so wait for it instead of failing the probe
                    if (attempt >= LOCK_ATTEMPTS) {
                        throw new ResourceException("vector store: cannot " + what + " namespace "
                                + slug.qualifiedName() + ": another process held its write lock " + LOCK_ATTEMPTS
                                + " times in a row: " + held.getMessage(), held);
                    }
                    pauseBeforeRetry(attempt);
                } catch (IOException | IllegalArgumentException e) {
                    throw new ResourceException("vector store: cannot " + what + " namespace " + slug.qualifiedName()
                            + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static void pauseBeforeRetry(int attempt) throws ResourceException {
        try {
            Thread.sleep(Math.min(200, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceException("vector store: interrupted while waiting for another writer", e);
        }
    }

    private void requireDimensions(float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("vector has " + vector.length + " dimensions; this store expects "
                    + dimensions);
        }
    }

    private ResourceException failure(String verb, Slug slug, IOException e) {
        return new ResourceException("vector store: cannot " + verb + " index " + indexDirectory(slug) + ": "
                + e.getMessage(), e);
    }
}
