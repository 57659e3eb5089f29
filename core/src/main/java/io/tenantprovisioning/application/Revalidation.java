package io.tenantprovisioning.application;

import io.tenantprovisioning.application.PlatformServices;
import io.tenantprovisioning.application.DriftFinding;
import io.tenantprovisioning.application.DriftDetector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.notify.NotificationEvent;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.registry.ValidationRunRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.validation.CheckResult;
import io.tenantprovisioning.validation.ValidationReport;
import io.tenantprovisioning.validation.report.JsonReport;
import io.tenantprovisioning.registry.Lifecycle;
import io.tenantprovisioning.registry.RunInProgressException;
import io.tenantprovisioning.model.TenantState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scheduled re-validation of provisioned tenants: the eight checks plus drift detection, for each
 * tenant under its own run lock, at most {@code parallelism} tenants at a time. A tenant whose lock is
 * held (it is being offboarded, validated, ...) is skipped, not failed.
 *
 * <p>Health is the suite's verdict AND no drift. Drift — a resource in the journal that its service no
 * longer has, or whose TenantID/Tier/CostCenter tag changed — counts as a critical failure: a vanished
 * bucket or a re-tagged schema breaks the tenant or its chargeback even when the checks happen to pass.
 * An unhealthy ACTIVE tenant becomes DEGRADED (an active tenant is never rolled back); a healthy DEGRADED
 * one becomes ACTIVE again. Notifications (TenantDegraded / TenantRecovered) go out on a change only.
 * Every run is recorded in validation_runs, drift included as a {@code resource-drift} result.
 */
public final class Revalidation {

    public static final int MAX_PARALLELISM = 64;
    static final String STEP = "revalidate";

    /** Tenants that serve traffic: the only ones re-validated (and what `revalidate --all` selects). */
    public static final Set<TenantState> STARTS_FROM = EnumSet.of(TenantState.ACTIVE, TenantState.DEGRADED);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlatformGraph graph;
    private final Registry registry;
    private final TenantAccessLoader accessLoader;
    private final DriftDetector driftDetector;
    private final Lifecycle lifecycle;
    private final CredentialAgeCheck credentialAge;
    private final Object notifyLock = new Object();

    Revalidation(PlatformGraph graph) {
        this.graph = graph;
        this.registry = graph.registry;
        this.accessLoader = graph.accessLoader;
        this.driftDetector = new DriftDetector(registry, graph.services.drivers(), graph.engines);
        this.lifecycle = graph.lifecycle;
        this.credentialAge = new CredentialAgeCheck(registry, Duration.ofDays(
                graph.services.settings().integer(io.tenantprovisioning.config.Setting.CREDENTIAL_MAX_AGE_DAYS)));
    }

    /** Every ACTIVE and DEGRADED tenant in the registry. */
    public RevalidationReport runAll(int parallelism, ProgressListener progress) {
        return run(registry.tenants().list(java.util.Optional.empty()).stream()
                .filter(t -> STARTS_FROM.contains(t.state())).map(TenantRecord::slug).toList(), parallelism, progress);
    }

    /**
     * The given tenants (duplicates once), in that order. An unknown slug or a parallelism outside
     * 1-{@value #MAX_PARALLELISM} is refused before any tenant is touched.
     */
    public RevalidationReport run(List<Slug> slugs, int parallelism, ProgressListener progress) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1-" + MAX_PARALLELISM + ", got " + parallelism);
        }
        List<Slug> tenants = List.copyOf(new LinkedHashSet<>(slugs));
        tenants.forEach(slug -> registry.tenants().require(slug));
        ProgressListener shared = TenantWorkers.serialized(progress);
        shared.event(STEP, tenants.size() + " tenant" + (tenants.size() == 1 ? "" : "s") + ", " + parallelism
                + " at a time");
        Instant started = Instant.now();
        List<TenantRevalidation> results = TenantWorkers.run(tenants, parallelism, "revalidate",
                slug -> revalidate(slug, shared));
        return new RevalidationReport(started, Instant.now(), parallelism, results);
    }

    private TenantRevalidation revalidate(Slug slug, ProgressListener progress) {
        try {
            return graph.underRunLock(slug, STEP, () -> revalidateLocked(registry.tenants().require(slug), progress));
        } catch (RunInProgressException e) {
            progress.event(STEP, slug + ": skipped — " + e.getMessage());
            return new TenantRevalidation.Skipped(slug.value(), currentState(slug), e.getMessage());
        } catch (RuntimeException e) {
            // one tenant that cannot be checked must not stop the others; its state stays as it was
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            progress.event(STEP, slug + ": could not be re-validated — " + reason);
            return new TenantRevalidation.Failed(slug.value(), reason);
        }
    }

    private TenantRevalidation revalidateLocked(TenantRecord tenant, ProgressListener progress) {
        String slug = tenant.slug().value();
        TenantState before = tenant.state();
        if (!STARTS_FROM.contains(before)) {
            String reason = "tenant is " + before + "; only ACTIVE and DEGRADED tenants are re-validated";
            progress.event(STEP, slug + ": skipped — " + reason);
            return new TenantRevalidation.Skipped(slug, before, reason);
        }
        ValidationReport report = ValidationChecks.suite(graph.services, accessLoader.expectedTags(tenant))
                .run(accessLoader.load(tenant), progress);
        long driftStart = System.nanoTime();
        List<DriftFinding> drift = driftDetector.findings(tenant);
        ValidationReport recorded = withResult(withResult(report,
                DriftDetector.asResult(drift, Duration.ofNanos(System.nanoTime() - driftStart))),
                credentialAge.run(tenant, Instant.now()));
        List<String> previouslyFailing = before == TenantState.DEGRADED ? previouslyFailing(tenant) : List.of();
        registry.validationRuns().record(tenant.id(), recorded.startedAt(), recorded.finishedAt(), recorded.passed(),
                JsonReport.render(recorded));
        TenantState after = recorded.passed() ? TenantState.ACTIVE : TenantState.DEGRADED;
        boolean notified = false;
        if (after != before) {
            lifecycle.transition(tenant.slug(), before, after, graph.actor(), reason(recorded));
            notify(after == TenantState.DEGRADED
                    ? new NotificationEvent.TenantDegraded(slug, recorded.blockingFailures())
                    : new NotificationEvent.TenantRecovered(slug, previouslyFailing));
            notified = true;
        }
        progress.event(STEP, slug + ": " + before + " → " + after + " (" + report.count("PASSED") + "/"
                + report.results().size() + " checks passed, " + drift.size() + " drift findings"
                + (notified ? ", notified" : "") + ")");
        return new TenantRevalidation.Checked(slug, before, after, report, recorded, drift, notified);
    }

    private static ValidationReport withResult(ValidationReport report, CheckResult extra) {
        List<CheckResult> results = new ArrayList<>(report.results());
        results.add(extra);
        return new ValidationReport(report.slug(), report.tier(), report.startedAt(), Instant.now(), results);
    }

    private static String reason(ValidationReport recorded) {
        if (recorded.passed()) {
            return "re-validation passed: every critical check passed and no drift";
        }
        return "re-validation failed: " + String.join(", ", recorded.results().stream()
                .filter(CheckResult::blocking).map(CheckResult::checkId).toList());
    }

    /** The check ids that blocked the tenant's last recorded run (what the recovery notice names). */
    private List<String> previouslyFailing(TenantRecord tenant) {
        Optional<ValidationRunRecord> last = registry.validationRuns().last(tenant.id());
        if (last.isEmpty()) {
            return List.of();
        }
        try {
            List<String> ids = new ArrayList<>();
            for (JsonNode check : JSON.readTree(last.get().reportJson()).path("checks")) {
                if (check.path("blocking").asBoolean(false)) {
                    ids.add(check.path("id").asText());
                }
            }
            return ids;
        } catch (IOException e) {
            return List.of(); // an unreadable old report only makes the notice less specific
        }
    }

    private void notify(NotificationEvent event) {
        // one notification at a time: channels are not required to be thread-safe
        synchronized (notifyLock) {
            graph.publish(event);
        }
    }

    private TenantState currentState(Slug slug) {
        return registry.tenants().require(slug).state();
    }
}
