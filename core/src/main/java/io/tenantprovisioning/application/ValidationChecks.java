package io.tenantprovisioning.application;

import io.tenantprovisioning.application.PlatformServices;
import io.tenantprovisioning.application.CanaryTenants;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.validation.CostTagsCheck;
import io.tenantprovisioning.validation.CrossTenantIsolationCheck;
import io.tenantprovisioning.validation.DatabaseConnectivityCheck;
import io.tenantprovisioning.validation.JwtAuthenticationCheck;
import io.tenantprovisioning.validation.MetricsCollectionCheck;
import io.tenantprovisioning.validation.ObjectStoragePermissionsCheck;
import io.tenantprovisioning.validation.ObjectStoreIsolationProbe;
import io.tenantprovisioning.validation.PostgresIsolationProbe;
import io.tenantprovisioning.validation.QueryPerformanceCheck;
import io.tenantprovisioning.validation.RedisIsolationProbe;
import io.tenantprovisioning.validation.ValidationCheck;
import io.tenantprovisioning.validation.ValidationSuite;
import io.tenantprovisioning.validation.VectorIsolationProbe;
import io.tenantprovisioning.validation.VectorSearchCheck;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The eight checks, in the order the suite runs them, wired to the platform's real clients. */
final class ValidationChecks {

    private ValidationChecks() {
    }

    static ValidationSuite suite(PlatformServices services, Map<String, String> expectedTags) {
        return ValidationSuite.fromSettings(checks(services, expectedTags), services.settings());
    }

    static List<ValidationCheck> checks(PlatformServices s, Map<String, String> expectedTags) {
        Settings settings = s.settings();
        CanaryTenants canaries = new CanaryTenants(s.directEngine(), s.sweep(ProgressListener.silent()), s.vault(),
                s.tiers(), s.drivers(), CanaryTenants.fingerprint(settings), Clock.systemUTC());
        return List.of(
                new DatabaseConnectivityCheck(),
                new CrossTenantIsolationCheck(List.of(
                        new PostgresIsolationProbe(),
                        RedisIsolationProbe.fromSettings(settings),
                        new ObjectStoreIsolationProbe(s.objectStore().backend()),
                        new VectorIsolationProbe(s.vectorStore(), s.embedder())), canaries),
                new VectorSearchCheck(s.vectorStore(), s.embedder()),
                new JwtAuthenticationCheck(),
                new QueryPerformanceCheck(s.queryService(), s.tokens(), s.corpus(), s.vectorStore(),
                        QueryPerformanceCheck.Limits.from(settings)),
                new ObjectStoragePermissionsCheck(s.objectStore().backend()),
                MetricsCollectionCheck.fromSettings(settings),
                new CostTagsCheck(s.drivers(), expectedTags));
    }
}
