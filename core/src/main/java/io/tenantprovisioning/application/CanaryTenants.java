package io.tenantprovisioning.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.CanarySlugs;
import io.tenantprovisioning.engine.ProvisioningEngine;
import io.tenantprovisioning.engine.ProvisioningJournal;
import io.tenantprovisioning.engine.ResourceSweep;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierCatalog;
import io.tenantprovisioning.validation.PeerTenant;
import io.tenantprovisioning.validation.PeerTenantSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second tenant the isolation check needs: a standing Bronze canary, created with the same drivers
 * once and then shared by every validation of the deployment for {@link #REUSE_FOR}. A canary rather
 * than another real tenant, because the probes write marker data into the peer and must never touch a
 * customer's data; shared, because creating and sweeping one per run cost ~1.9 s of every validation
 * (issue 19). The probes use random marker names, so validations running at once can share it.
 *
 * <p>The canary is recorded in the registry's vault beside its credentials (its outputs and a
 * fingerprint of the backends it was created on, sealed like any secret), which is how another process
 * finds it. It has no tenant row: `tenantctl sweep` removes it as an orphan once it is older than
 * {@link CanarySlugs#IN_FLIGHT}; reuse stops well before that, so a sweep never pulls a canary from
 * under a running check. Creating a new canary also retires this deployment's expired ones.
 */
final class CanaryTenants implements PeerTenantSource {

    /** Under {@link CanarySlugs#IN_FLIGHT} by more than any check may run (check 2's timeout is 60 s). */
    static final Duration REUSE_FOR = Duration.ofMinutes(20);
    /** The vault entry that records a standing canary; its value is JSON, sealed like the credentials. */
    static final String RECORD = "canary.record";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };
    private static final String FINGERPRINT = "__fingerprint";
    private static final List<Setting> BACKEND_SETTINGS = List.of(Setting.REGISTRY_DB_URL, Setting.REGISTRY_DB_HOST,
            Setting.REGISTRY_DB_PORT, Setting.REGISTRY_DB_NAME, Setting.TENANT_DB_NAME, Setting.REDIS_HOST,
            Setting.REDIS_PORT, Setting.OBJECT_STORE, Setting.OBJECT_STORE_DIR, Setting.BUCKET_PREFIX,
            Setting.S3_ENDPOINT, Setting.AWS_REGION, Setting.VECTOR_STORE, Setting.VECTOR_DATA_DIR,
            Setting.PINECONE_INDEX_HOST, Setting.METRICS_TARGET, Setting.PROMETHEUS_FILE_SD_DIR,
            Setting.GRAFANA_DASHBOARD_DIR, Setting.GRAFANA_URL);

    private final ProvisioningEngine engine;
    private final ResourceSweep sweep;
    private final SecretVault vault;
    private final TierCatalog tiers;
    private final List<ResourceDriver> drivers;
    private final String fingerprint;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CanaryTenants(ProvisioningEngine engine, ResourceSweep sweep, SecretVault vault, TierCatalog tiers,
                  List<ResourceDriver> drivers, String fingerprint, Clock clock) {
        this.engine = engine;
        this.sweep = sweep;
        this.vault = vault;
        this.tiers = tiers;
        this.drivers = List.copyOf(drivers);
        this.fingerprint = fingerprint;
        this.clock = clock;
    }

    @Override
    public PeerTenant acquire(TenantAccess self) throws Exception {
        Optional<TenantAccess> standing = standing(self.slug());
        // shared: the next validation uses it again, the orphan sweep removes it once it has aged out
        return PeerTenant.existing(standing.isPresent() ? standing.get() : create());
    }

    /** The youngest reusable canary of this deployment that still exists on every backend. */
    Optional<TenantAccess> standing(Slug self) {
        Instant now = clock.instant();
        List<Slug> candidates = vault.tenants().stream()
                .filter(s -> !s.equals(self) && age(s, now).map(a -> a.compareTo(REUSE_FOR) < 0).orElse(false))
                .sorted(Comparator.comparing((Slug s) -> age(s, now).orElseThrow()))
                .toList();
        for (Slug slug : candidates) {
            Optional<Map<String, String>> record = record(slug);
            if (record.isPresent() && fingerprint.equals(record.get().get(FINGERPRINT)) && existsEverywhere(slug)) {
                return Optional.of(access(slug, outputs(record.get())));
            }
        }
        return Optional.empty();
    }

    private TenantAccess create() throws Exception {
        retireExpired();
        Slug slug = CanarySlugs.newSlug(clock.instant(), random);
        TenantResourceSpec spec = new TenantResourceSpec(slug, tags(slug), tiers.config(Tier.BRONZE));
        try {
            Map<String, String> outputs = engine.provision(spec, NO_JOURNAL, ProgressListener.silent());
            Map<String, String> record = new LinkedHashMap<>(outputs);
            record.put(FINGERPRINT, fingerprint);
            // written last: a canary without its record was never finished and is never reused
            vault.put(slug, RECORD, Secret.of(JSON.writeValueAsString(record)));
            return access(slug, outputs);
        } catch (Exception e) {
            destroy(slug);
            throw e;
        }
    }

    /** This deployment's canaries too old to reuse and old enough for the orphan sweep anyway. */
    private void retireExpired() {
        Instant now = clock.instant();
        for (Slug slug : vault.tenants()) {
            if (age(slug, now).map(a -> a.compareTo(CanarySlugs.IN_FLIGHT) >= 0).orElse(false)
                    && record(slug).map(r -> fingerprint.equals(r.get(FINGERPRINT))).orElse(false)) {
                try {
                    destroy(slug);
                } catch (RuntimeException leftOver) {
                    // `tenantctl sweep` removes it; a new canary does not depend on the old one being gone
                }
            }
        }
    }

    private TenantAccess access(Slug slug, Map<String, String> outputs) {
        Map<String, Secret> secrets = new LinkedHashMap<>(vault.all(slug));
        secrets.remove(RECORD);
        return new TenantAccess(slug, tags(slug), tiers.config(Tier.BRONZE), outputs, secrets);
    }

    private boolean existsEverywhere(Slug slug) {
        for (ResourceDriver driver : drivers) {
            try {
                if (driver.describe(slug).isEmpty()) {
                    return false;
                }
            } catch (ResourceException | RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    private Optional<Map<String, String>> record(Slug slug) {
        try {
            Optional<Secret> sealed = vault.get(slug, RECORD);
            return sealed.isEmpty() ? Optional.empty() : Optional.of(JSON.readValue(sealed.get().reveal(), MAP));
        } catch (JsonProcessingException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * What a canary's outputs depend on besides its name: the backends it lives on. A canary made by a
     * process configured for other backends (another DATA_DIR, S3 instead of the filesystem) is not
     * this process's peer. Secrets stay out: they change nothing about where a canary lives.
     */
    static String fingerprint(Settings settings) {
        StringBuilder text = new StringBuilder("DATA_DIR=").append(settings.dataDir().toAbsolutePath()).append('\n');
        for (Setting setting : BACKEND_SETTINGS) {
            text.append(setting).append('=').append(settings.optional(setting).orElse("")).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Map<String, String> outputs(Map<String, String> record) {
        Map<String, String> outputs = new LinkedHashMap<>(record);
        outputs.remove(FINGERPRINT);
        return outputs;
    }

    private static Optional<Duration> age(Slug slug, Instant now) {
        return CanarySlugs.createdAt(slug.value()).map(created -> Duration.between(created, now));
    }

    private static Map<String, String> tags(Slug slug) {
        return new ChargebackTags(slug.value(), Tier.BRONZE.displayName(), "CC_CANARY",
                ChargebackTags.MANAGED_BY_VALUE, "standing-canary").asMap();
    }

    private void destroy(Slug slug) {
        List<String> errors = engine.destroy(slug, ProgressListener.silent());
        var report = sweep.sweepTenant(slug, false);
        if (!report.clean()) {
            throw new IllegalStateException("canary " + slug + " not fully removed: survivors " + report.survivors()
                    + ", destroy errors " + errors + ", sweep errors " + report.errors() + "; run `tenantctl sweep`");
        }
    }

    /** The canary is not a registry tenant: nothing to journal (the sweep finds it if it leaks). */
    private static final ProvisioningJournal NO_JOURNAL = new ProvisioningJournal() {
        @Override
        public long intend(ResourceKind kind, String name, String engineName) {
            return 0;
        }

        @Override
        public void created(long entryId, CreatedResource resource, Map<String, String> tags) {
            // not journalled
        }
    };
}
