package io.tenantprovisioning.application;

import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.engine.CanarySlugs;
import io.tenantprovisioning.engine.ProvisioningEngine;
import io.tenantprovisioning.engine.ProvisioningJournal;
import io.tenantprovisioning.engine.ResourceSweep;
import io.tenantprovisioning.engine.SweepReport;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierCatalog;
import io.tenantprovisioning.validation.PeerTenant;
import io.tenantprovisioning.validation.PeerTenantSource;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * The second tenant the isolation check needs: a short-lived Bronze canary created with the same
 * drivers, always destroyed afterwards. A canary rather than another real tenant, because the
 * probes write marker data into the peer and must never touch a customer's data. A canary left by
 * a crash has no registry row, so `tenantctl sweep` removes it as an orphan.
 */
final class CanaryTenants implements PeerTenantSource {

    private final ProvisioningEngine engine;
    private final ResourceSweep sweep;
    private final SecretVault vault;
    private final TierCatalog tiers;
    private final SecureRandom random = new SecureRandom();

    CanaryTenants(ProvisioningEngine engine, ResourceSweep sweep, SecretVault vault, TierCatalog tiers) {
        this.engine = engine;
        this.sweep = sweep;
        this.vault = vault;
        this.tiers = tiers;
    }

    @Override
    public PeerTenant acquire(TenantAccess self) throws Exception {
        Slug slug = newSlug();
        Map<String, String> tags = new ChargebackTags(slug.value(), Tier.BRONZE.displayName(), "CC_CANARY",
                ChargebackTags.MANAGED_BY_VALUE, "canary-for-" + self.slug()).asMap();
        TenantResourceSpec spec = new TenantResourceSpec(slug, tags, tiers.config(Tier.BRONZE));
        try {
            Map<String, String> attributes = engine.provision(spec, NO_JOURNAL, ProgressListener.silent());
            TenantAccess access = new TenantAccess(slug, tags, spec.tierConfig(), attributes, vault.all(slug));
            return new PeerTenant(access, () -> destroy(slug));
        } catch (Exception e) {
            destroy(slug);
            throw e;
        }
    }

    private void destroy(Slug slug) {
        List<String> errors = engine.destroy(slug, ProgressListener.silent());
        SweepReport report = sweep.sweepTenant(slug, false);
        if (!report.clean()) {
            throw new IllegalStateException("canary " + slug + " not fully removed: survivors " + report.survivors()
                    + ", destroy errors " + errors + ", sweep errors " + report.errors() + "; run `tenantctl sweep`");
        }
    }

    private Slug newSlug() {
        return CanarySlugs.newSlug(java.time.Instant.now(), random);
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
