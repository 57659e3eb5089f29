package io.tenantprovisioning.application;

import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.config.SecretCipher;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.DirectEngine;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.faults.FaultDecorators;
import io.tenantprovisioning.engine.ProvisioningEngine;
import io.tenantprovisioning.engine.ResourceSweep;
import io.tenantprovisioning.rag.AnswerGenerator;
import io.tenantprovisioning.rag.Embedder;
import io.tenantprovisioning.rag.MiniLmEmbedder;
import io.tenantprovisioning.rag.TenantCorpus;
import io.tenantprovisioning.rag.TenantQueryService;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.request.RegionCatalog;
import io.tenantprovisioning.request.RequestValidator;
import io.tenantprovisioning.resource.OwnershipMarker;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import io.tenantprovisioning.resource.monitoring.MonitoringDriver;
import io.tenantprovisioning.resource.objectstore.ObjectStoreDriver;
import io.tenantprovisioning.resource.postgres.PostgresSchemaDriver;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import io.tenantprovisioning.resource.signingkey.SigningKeyDriver;
import io.tenantprovisioning.resource.signingkey.TenantTokens;
import io.tenantprovisioning.resource.vector.VectorNamespaceDriver;
import io.tenantprovisioning.resource.vector.VectorStore;
import io.tenantprovisioning.tier.TierCatalog;
import io.tenantprovisioning.plan.TenantPlanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The long-lived clients of one tenantctl process, built once from settings: the registry, the
 * vault, every driver, the embedding model and the vector store. Closing it closes their pools.
 * The embedding model loads lazily: commands that never embed do not pay for it.
 */
public final class PlatformServices implements AutoCloseable {

    private final Settings settings;
    private final Registry registry;
    private final SecretVault vault;
    private final TierCatalog tiers;
    private final TenantPlanner planner;
    private final RequestValidator validator;
    private final PostgresSchemaDriver postgres;
    private final ObjectStoreDriver objectStore;
    private final VectorStore vectorStore;
    private final LazyEmbedder embedder;
    private final TenantCorpus corpus;
    private final List<ResourceDriver> drivers;
    private final DirectEngine directEngine;
    private final SigningKeyTokens tokens;
    private final OwnershipMarker marker;

    private final FailurePoints failurePoints;
    private final FaultDecorators faults;
    private final SecretCipher cipher;

    private PlatformServices(Settings settings, Registry registry, FailurePoints failurePoints,
                             FaultDecorators faults) {
        this.failurePoints = failurePoints;
        this.faults = faults;
        this.settings = settings;
        this.registry = registry;
        // every driver marks what it creates with this registry's id and touches nothing without it
        this.marker = new OwnershipMarker(registry.identity().read());
        this.cipher = SecretCipher.fromSettings(settings);
        this.vault = faults.wrap(registry.secrets(cipher));
        this.tiers = TierCatalog.load();
        this.planner = TenantPlanner.from(settings, tiers);
        this.validator = new RequestValidator(RegionCatalog.load());
        this.postgres = PostgresSchemaDriver.fromSettings(settings, marker);
        this.objectStore = ObjectStoreDriver.fromSettings(settings, marker);
        this.embedder = new LazyEmbedder(MiniLmEmbedder::new, MiniLmEmbedder.DIMENSIONS);
        this.vectorStore = VectorStore.fromSettings(settings, embedder.dimensions());
        this.corpus = new TenantCorpus(vectorStore, embedder);
        List<ResourceDriver> all = new ArrayList<>();
        all.add(postgres);
        all.add(RedisNamespaceDriver.fromSettings(settings, marker));
        all.add(objectStore);
        all.add(new VectorNamespaceDriver(vectorStore, corpus, marker));
        all.add(MonitoringDriver.fromSettings(settings, marker));
        all.add(new SigningKeyDriver(vault, new RandomSecrets()));
        // every user of the drivers (engine, compensations, sweep, drift) sees the same decorated ones
        this.drivers = faults.wrapDrivers(all);
        this.directEngine = new DirectEngine(drivers, vault, failurePoints, planner::nameOf);
        this.tokens = new SigningKeyTokens(vault, new TenantTokens(), Duration.ofMinutes(5));
    }

    /** Opens the registry (running its migrations) and builds every client. */
    public static PlatformServices open(Settings settings) {
        return open(settings, FailurePoints.from(settings), FaultDecorators.fromSettings(settings));
    }

    /** As {@link #open(Settings)}, with the failure points the composition root built once. */
    static PlatformServices open(Settings settings, FailurePoints failurePoints, FaultDecorators faults) {
        Registry registry = Registry.open(settings);
        try {
            return new PlatformServices(settings, registry, failurePoints, faults);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    /** The fault-injecting decorators (a no-op unless TENANTCTL_FAULTS arms some). */
    FaultDecorators faults() {
        return faults;
    }

    FailurePoints failurePoints() {
        return failurePoints;
    }

    public Settings settings() {
        return settings;
    }

    public Registry registry() {
        return registry;
    }

    /** This registry's ownership marker, which every driver writes and checks. */
    public OwnershipMarker marker() {
        return marker;
    }

    public SecretVault vault() {
        return vault;
    }

    /** The vault inside a transaction of the registry ({@code Registry#inTransaction}), with the same faults armed. */
    SecretVault vaultIn(Registry transaction) {
        return faults.wrap(transaction.secrets(cipher));
    }

    public TierCatalog tiers() {
        return tiers;
    }

    public TenantPlanner planner() {
        return planner;
    }

    public RequestValidator validator() {
        return validator;
    }

    public List<ResourceDriver> drivers() {
        return drivers;
    }

    /** The postgres kind's driver (offboarding counts a schema's rows with it). */
    public PostgresSchemaDriver postgres() {
        return postgres;
    }

    public ObjectStoreDriver objectStore() {
        return objectStore;
    }

    public VectorStore vectorStore() {
        return vectorStore;
    }

    public Embedder embedder() {
        return embedder;
    }

    public TenantCorpus corpus() {
        return corpus;
    }

    public SigningKeyTokens tokens() {
        return tokens;
    }

    public DirectEngine directEngine() {
        return directEngine;
    }

    public ResourceSweep sweep(ProgressListener progress) {
        return new ResourceSweep(drivers, vault, progress);
    }

    public TenantQueryService queryService() {
        return new TenantQueryService(tokens, embedder, vectorStore, AnswerGenerator.fromSettings(settings),
                slug -> registry.tenants().require(slug).tierConfig());
    }

    @Override
    public void close() {
        closeQuietly(postgres);
        closeQuietly(objectStore);
        closeQuietly(vectorStore);
        registry.close();
    }

    private static void closeQuietly(Object resource) {
        if (resource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing pools at exit: nothing useful to do with a failure
            }
        }
    }

    /** Loads the ONNX model on first use only. */
    private static final class LazyEmbedder implements Embedder {
        private final Supplier<Embedder> factory;
        private final int dimensions;
        private Embedder loaded;

        LazyEmbedder(Supplier<Embedder> factory, int dimensions) {
            this.factory = factory;
            this.dimensions = dimensions;
        }

        @Override
        public synchronized float[] embed(String text) {
            if (loaded == null) {
                loaded = factory.get();
            }
            return loaded.embed(text);
        }

        @Override
        public int dimensions() {
            return dimensions;
        }
    }
}
