package io.tenantprovisioning.bench;

import io.tenantprovisioning.rag.DemoDocuments;
import io.tenantprovisioning.rag.ExtractiveAnswerGenerator;
import io.tenantprovisioning.rag.MiniLmEmbedder;
import io.tenantprovisioning.rag.TenantCorpus;
import io.tenantprovisioning.rag.TenantQueryService;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.vector.LuceneVectorStore;
import io.tenantprovisioning.resource.vector.VectorDocument;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierCatalog;
import io.tenantprovisioning.tier.TierConfig;
import io.tenantprovisioning.validation.LatencySummary;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Embedding and query latency of the vector path on this machine (run by {@code bench/vector-bench.sh}).
 * Speed targets live here, not in unit tests. Prints a markdown report; {@code --out FILE} also writes it.
 */
public final class VectorBench {

    private static final int WARMUP = 20;
    private static final int SAMPLES = 200;
    private static final int SYNTHETIC_PASSAGES = 5000;
    private static final List<String> QUESTIONS = List.of(
            "What uptime does the SLA guarantee?", "How are tenants isolated?", "What happens above the rate limit?",
            "How long are query logs kept?", "How is the monthly fee calculated?", "Is data encrypted at rest?",
            "Which file formats are supported?", "What is the first step in an incident?");

    private VectorBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = args.length == 2 && "--out".equals(args[0]) ? Path.of(args[1]) : null;
        Path dir = Files.createTempDirectory("vector-bench");
        try {
            String report = run(dir);
            System.out.println(report);
            if (out != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, report);
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static String run(Path dir) throws Exception {
        StringBuilder report = new StringBuilder(header());
        long t0 = System.nanoTime();
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        report.append(String.format(Locale.ROOT, "Model load: %.0f ms%n%n", (System.nanoTime() - t0) / 1e6));
        report.append("| measurement | samples | median (p50) | p95 | max |\n|---|---|---|---|---|\n");

        report.append(row("embed one question (MiniLM, 384 d)", time(i -> embedder.embed(question(i)))));
        List<String> passages = DemoDocuments.load().stream().map(p -> p.embeddingText()).toList();
        report.append(row("embed one demo passage", time(i -> embedder.embed(passages.get(i % passages.size())))));

        LuceneVectorStore store = new LuceneVectorStore(dir, embedder.dimensions());
        Slug demo = Slug.of("bench-demo");
        store.createNamespace(demo, Map.of());
        long seedStart = System.nanoTime();
        int seeded = new TenantCorpus(store, embedder).seedDemoDocuments(demo);
        report.append(String.format(Locale.ROOT, "| seed demo corpus (%d passages, embed + index) | 1 | %.0f ms | | |%n",
                seeded, (System.nanoTime() - seedStart) / 1e6));
        List<float[]> questionVectors = QUESTIONS.stream().map(embedder::embed).toList();
        report.append(row("Lucene HNSW query, k=5, " + seeded + " passages",
                time(i -> store.query(demo, questionVectors.get(i % questionVectors.size()), 5))));

        Slug large = Slug.of("bench-large");
        store.createNamespace(large, Map.of());
        store.upsert(large, syntheticPassages(embedder.dimensions()));
        report.append(row("Lucene HNSW query, k=5, " + SYNTHETIC_PASSAGES + " passages",
                time(i -> store.query(large, questionVectors.get(i % questionVectors.size()), 5))));

        TierConfig gold = TierCatalog.load().config(Tier.GOLD);
        TenantQueryService rag = new TenantQueryService(Slug::of, embedder, store, new ExtractiveAnswerGenerator(),
                slug -> gold);
        report.append(row("tenant RAG query end to end (extractive), demo corpus",
                time(i -> rag.answer(demo.value(), question(i), 5))));
        report.append("\nLoad average at the end: ").append(loadAverage()).append(
                " (the machine is shared; compare runs only at similar load).\n");
        report.append("\nThe RAG row is what check 5 (query-performance) measures; its default SLA is p95 < 500 ms.\n");
        return report.toString();
    }

    private interface Step {
        void run(int i) throws Exception;
    }

    private static LatencySummary time(Step step) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            step.run(i);
        }
        List<Long> samples = new ArrayList<>(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            step.run(i);
            samples.add(System.nanoTime() - start);
        }
        return LatencySummary.of(samples);
    }

    private static String row(String what, LatencySummary s) {
        return String.format(Locale.ROOT, "| %s | %d | %.2f ms | %.2f ms | %.2f ms |%n", what, s.samples(),
                s.p50Millis(), s.p95Millis(), s.maxMillis());
    }

    private static String question(int i) {
        return QUESTIONS.get(i % QUESTIONS.size()) + (i >= QUESTIONS.size() ? " (" + i + ")" : "");
    }

    /** Random unit vectors: the store's latency does not depend on what the vectors mean. */
    private static List<VectorDocument> syntheticPassages(int dims) {
        Random random = new Random(42);
        List<VectorDocument> docs = new ArrayList<>(SYNTHETIC_PASSAGES);
        for (int n = 0; n < SYNTHETIC_PASSAGES; n++) {
            float[] v = new float[dims];
            double norm = 0;
            for (int d = 0; d < dims; d++) {
                v[d] = (float) random.nextGaussian();
                norm += v[d] * v[d];
            }
            for (int d = 0; d < dims; d++) {
                v[d] /= (float) Math.sqrt(norm);
            }
            docs.add(new VectorDocument("s" + n, "Synthetic " + n, "Synthetic passage " + n + ".", v, Map.of()));
        }
        return docs;
    }

    private static String header() throws IOException {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        }
        return String.format(Locale.ROOT, "# Vector path benchmark, %s%n%nMachine: %s, %s (%s %s), %d cores visible "
                        + "to the JVM, Java %s, max heap %d MB. Load average at the start: %s.%n%n", LocalDate.now(),
                InetAddress.getLocalHost().getHostName(), cpu, System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024), loadAverage());
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.isReadable(loadavg) ? Files.readString(loadavg).strip().split(" ", 4)[0] + " (1 min)" : "unknown";
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
