package io.tenantprovisioning.bench;

import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import java.util.List;
import java.util.Optional;

/**
 * Finishes a fleet bench run that was killed or failed (`bench/fleet-bench.sh --clean-up`): every tenant of
 * the bench's registry schema offboarded or rolled back and its canaries swept ({@link FleetCleanup}), then
 * the schema dropped; kept, with what is left, when anything could not be removed.
 */
final class FleetLeftovers {

    private FleetLeftovers() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = TestServices.settings();
        String schema = settings.string(Setting.REGISTRY_DB_SCHEMA);
        if (!schema.startsWith("bench_")) {
            throw new IllegalArgumentException("REGISTRY_DB_SCHEMA must name a bench schema (bench_…), got " + schema);
        }
        try (FleetFill fill = new FleetFill(settings, schema)) {
            if (!fill.schemaExists()) {
                FleetBench.progress("no schema " + schema + ": nothing to clean up");
                return;
            }
            try (TenantPlatform platform = TenantPlatform.open(settings, ProgressListener.silent())) {
                List<Slug> tenants = platform.ledger().list(Optional.empty()).stream().map(TenantRecord::slug).toList();
                new FleetCleanup(platform, 4).removeAll(tenants);
            }
            fill.dropSchema();
            FleetBench.progress("dropped schema " + schema);
        }
    }
}
