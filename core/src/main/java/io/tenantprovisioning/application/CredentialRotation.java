package io.tenantprovisioning.application;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * rotate: renews a serving tenant's credentials (PostgreSQL and Redis passwords, the S3 access key, the
 * JWT signing key), each new one proven to work before the old one is revoked and the old one proven
 * refused afterwards (see {@link RotationProcedure}). Under the tenant's run lock; the state does not
 * change; every rotation and every failure is an audit row naming the credential, never its value.
 */
public final class CredentialRotation {

    /** Tenants that serve traffic: the ones whose credentials are in use. */
    public static final Set<TenantState> STARTS_FROM = EnumSet.of(TenantState.ACTIVE, TenantState.DEGRADED);

    private final PlatformGraph graph;
    private final Clock clock;

    CredentialRotation(PlatformGraph graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    /**
     * Rotates the given kinds, in the order of {@link CredentialKind}; one kind that fails does not stop the
     * others. Refused (nothing changes) when the tenant is unknown or does not serve traffic.
     */
    public RotationReport rotate(Slug slug, Set<CredentialKind> kinds, String actor, ProgressListener progress) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("name at least one credential to rotate");
        }
        return graph.underRunLock(slug, RotationProcedure.STEP, () -> {
            TenantRecord tenant = graph.registry.tenants().require(slug);
            if (!STARTS_FROM.contains(tenant.state())) {
                throw new StateConflictException("tenant '" + slug + "' is " + tenant.state()
                        + "; only ACTIVE and DEGRADED tenants have credentials in use to rotate");
            }
            Instant started = clock.instant();
            RotationProcedure procedure = new RotationProcedure(graph.registry, graph.failurePoints, progress, actor);
            List<RotationOutcome> outcomes = new ArrayList<>();
            for (CredentialKind kind : EnumSet.copyOf(kinds)) {
                outcomes.add(run(procedure, kind, tenant));
            }
            return new RotationReport(slug.value(), started, clock.instant(), outcomes);
        });
    }

    private RotationOutcome run(RotationProcedure procedure, CredentialKind kind, TenantRecord tenant) {
        RotationRecords records = new RotationRecords(graph.services);
        RandomSecrets random = new RandomSecrets();
        Settings settings = graph.services.settings();
        return switch (kind) {
            case DB -> procedure.run(tenant.slug(), new PostgresPasswordRotation(graph.services.postgres().passwords(),
                    records, random, terraformOwned(tenant)));
            case REDIS -> procedure.run(tenant.slug(), new RedisPasswordRotation(
                    RedisNamespaceDriver.fromSettings(settings, graph.services.marker()).passwords(), records, random));
            case S3 -> procedure.run(tenant.slug(), new ObjectKeyRotation(graph.services.objectStore().backend().keys(),
                    records, terraformOwned(tenant)));
            case JWT -> procedure.run(tenant.slug(), new SigningKeyRotation(records, random, clock,
                    Duration.ofMinutes(settings.integer(Setting.JWT_KEY_OVERLAP_MINUTES))));
        };
    }

    /**
     * With the terraform engine, terraform/tenant creates the role and the IAM key and keeps them in its
     * state: rotating them here would fight Terraform, so they are left to it (`tofu apply -replace`).
     */
    private static Optional<String> terraformOwned(TenantRecord tenant) {
        return tenant.engineName().filter("terraform"::equals).map(engine -> "the tenant was provisioned by the "
                + "terraform engine, whose state may own this credential; rotate it through Terraform");
    }
}
