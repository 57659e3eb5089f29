package io.tenantprovisioning.application;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.RegistryException;
import io.tenantprovisioning.registry.SecretStamp;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** The credentials the terraform engine's module creates and keeps in its state. */
    public static final Set<CredentialKind> TERRAFORM_OWNED = EnumSet.of(CredentialKind.DB, CredentialKind.S3);

    private static final String FLEET_STEP = "rotate-all";

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
            refuseEngineOwned(tenant, kinds);
            Instant started = clock.instant();
            RotationProcedure procedure = new RotationProcedure(graph.registry, graph.failurePoints, progress, actor);
            List<RotationOutcome> outcomes = new ArrayList<>();
            for (CredentialKind kind : EnumSet.copyOf(kinds)) {
                outcomes.add(run(procedure, kind, tenant));
            }
            return new RotationReport(slug.value(), started, clock.instant(), outcomes);
        });
    }

    /**
     * rotate --all: every ACTIVE or DEGRADED tenant with a credential of {@code kinds} older than
     * {@code olderThan}, one after the other, each rotating only its credentials that are due. A tenant that
     * cannot be rotated (another run holds it, its engine owns the credentials, anything else) is reported and
     * the others still run.
     */
    public FleetRotation rotateDue(Duration olderThan, Set<CredentialKind> kinds, String actor,
                                   ProgressListener progress) {
        return rotateDue(olderThan, kinds, 1, actor, progress);
    }

    /**
     * As {@link #rotateDue(Duration, Set, String, ProgressListener)}, {@code parallelism} tenants at a time
     * (1-{@value Revalidation#MAX_PARALLELISM}); each tenant's rotation holds its own run lock, and the rows
     * keep the order the tenants were found in.
     */
    public FleetRotation rotateDue(Duration olderThan, Set<CredentialKind> kinds, int parallelism, String actor,
                                   ProgressListener progress) {
        if (parallelism < 1 || parallelism > Revalidation.MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1-" + Revalidation.MAX_PARALLELISM + ", got "
                    + parallelism);
        }
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("the age limit cannot be negative: " + olderThan.toDays() + " days");
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("name at least one credential to rotate");
        }
        Instant started = clock.instant();
        List<TenantRecord> serving = graph.registry.tenants().list(Optional.empty()).stream()
                .filter(t -> STARTS_FROM.contains(t.state())).toList();
        Map<TenantRecord, List<TenantRotation.DueCredential>> due = due(serving, olderThan,
                rotatableHere(kinds, progress), started);
        progress.event(FLEET_STEP, due.size() + " of " + serving.size() + " serving tenant(s) hold credentials older "
                + "than " + olderThan.toDays() + " days");
        ProgressListener shared = TenantWorkers.serialized(progress);
        List<Map.Entry<TenantRecord, List<TenantRotation.DueCredential>>> queue = List.copyOf(due.entrySet());
        List<TenantRotation> rows = TenantWorkers.run(queue, parallelism, FLEET_STEP, entry -> {
            String position = "[" + (queue.indexOf(entry) + 1) + "/" + queue.size() + "] " + entry.getKey().slug();
            shared.event(FLEET_STEP, position + ": rotating " + String.join(", ", entry.getValue().stream()
                    .map(d -> d.kind().option() + " (" + d.age().toDays() + " d)").toList()) + " — "
                    + seconds(started) + " s elapsed");
            TenantRotation row = rotateOne(entry.getKey().slug(), entry.getValue(), actor, shared);
            shared.event(FLEET_STEP, position + ": " + (row.succeeded() ? "done" : row instanceof
                    TenantRotation.NotRun notRun ? "not rotated — " + notRun.reason() : "a credential failed")
                    + " — " + seconds(started) + " s elapsed");
            return row;
        });
        return new FleetRotation(started, clock.instant(), olderThan, serving.size(), rows);
    }

    /** Each serving tenant holding a credential of {@code kinds} older than {@code olderThan}, with those credentials. */
    private Map<TenantRecord, List<TenantRotation.DueCredential>> due(List<TenantRecord> serving, Duration olderThan,
                                                                      Set<CredentialKind> kinds, Instant now) {
        Map<String, List<SecretStamp>> stamps = graph.registry.secretStamps()
                .of(serving.stream().map(TenantRecord::slug).toList());
        Map<TenantRecord, List<TenantRotation.DueCredential>> due = new LinkedHashMap<>();
        for (TenantRecord tenant : serving) {
            List<TenantRotation.DueCredential> old = CredentialAge.inUse(CredentialAge.of(
                            stamps.get(tenant.slug().value()), now)).stream()
                    .filter(age -> age.age().compareTo(olderThan) > 0)
                    .map(age -> new TenantRotation.DueCredential(CredentialKind.ofVaultName(age.name()).orElseThrow(),
                            age.age()))
                    .filter(d -> kinds.contains(d.kind()))
                    .sorted(java.util.Comparator.comparing(TenantRotation.DueCredential::kind)).toList();
            if (!old.isEmpty()) {
                due.put(tenant, old);
            }
        }
        return due;
    }

    /**
     * The kinds asked for that this installation can rotate at all: a key of the filesystem object store is
     * never renewed (see {@link ObjectKeyRotation#FILESYSTEM_KEY}), so its age must not make a tenant due
     * again on every run.
     */
    private Set<CredentialKind> rotatableHere(Set<CredentialKind> kinds, ProgressListener progress) {
        Set<CredentialKind> rotatable = EnumSet.copyOf(kinds);
        if (kinds.contains(CredentialKind.S3) && graph.services.objectStore().backend().keys().isEmpty()) {
            rotatable.remove(CredentialKind.S3);
            progress.event(FLEET_STEP, "s3 is not rotated here: " + ObjectKeyRotation.FILESYSTEM_KEY);
        }
        return rotatable;
    }

    private TenantRotation rotateOne(Slug slug, List<TenantRotation.DueCredential> due, String actor,
                                     ProgressListener progress) {
        Instant started = clock.instant();
        Set<CredentialKind> kinds = EnumSet.noneOf(CredentialKind.class);
        due.forEach(d -> kinds.add(d.kind()));
        try {
            return new TenantRotation.Ran(rotate(slug, kinds, actor, progress), due);
        } catch (RuntimeException e) {
            // one tenant that cannot be rotated must not stop the others; it changed nothing
            String reason = e instanceof IllegalStateException || e instanceof RegistryException ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new TenantRotation.NotRun(slug.value(), reason, Duration.between(started, clock.instant()));
        }
    }

    private String seconds(Instant since) {
        return String.format(Locale.ROOT, "%.1f", Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    /**
     * With the terraform engine the role's password and the IAM access key are Terraform's (its state holds
     * them): rotating them here would fight Terraform, and rotating only the rest would leave the operator
     * believing the tenant rotated. So the run is refused before anything changes.
     */
    private static void refuseEngineOwned(TenantRecord tenant, Set<CredentialKind> kinds) {
        Set<CredentialKind> owned = EnumSet.noneOf(CredentialKind.class);
        kinds.stream().filter(TERRAFORM_OWNED::contains).forEach(owned::add);
        if (tenant.engineName().filter("terraform"::equals).isPresent() && !owned.isEmpty()) {
            throw new StateConflictException("tenant '" + tenant.slug() + "' was provisioned by the terraform engine: "
                    + "its " + String.join(" and ", owned.stream().map(CredentialKind::option).toList())
                    + (owned.size() == 1 ? " credential is" : " credentials are") + " in Terraform's state, so "
                    + "tenantctl does not rotate " + (owned.size() == 1 ? "it" : "them") + " (rotate through "
                    + "Terraform, e.g. `tofu apply -replace`); nothing was rotated. `--only redis,jwt` rotates the "
                    + "credentials tenantctl owns");
        }
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
