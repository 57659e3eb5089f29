package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.chargeback.CostReport;
import io.tenantprovisioning.chargeback.CostReportBuilder;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.SecretCipher;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.plan.TenantPlan;
import io.tenantprovisioning.registry.Lifecycle;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import io.tenantprovisioning.validation.CheckOutcome;
import io.tenantprovisioning.validation.CheckResult;
import io.tenantprovisioning.validation.ValidationReport;
import io.tenantprovisioning.validation.report.JsonReport;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fleet report built from a throwaway registry on the real PostgreSQL: tenants in several states,
 * recorded runs written the way validation and re-validation write them, real (sealed) vault rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetReportTest {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2));
    private static final String PASSWORD = "pw-" + TestServices.uniqueSlug("s").value();

    private ThrowawayRegistry throwaway;
    private Registry registry;
    private TenantLedger ledger;
    private final String hostileName = "<b>'x'</b> \"&\" " + suffix();
    private Slug active;
    private Slug degraded;
    private Slug rolledBack;
    private Slug waiting;
    private Clock threeDaysLater;

    @BeforeAll
    void fleet() {
        throwaway = ThrowawayRegistry.create();
        registry = throwaway.registry();
        ledger = new TenantLedger(registry, false);
        Lifecycle lifecycle = new Lifecycle(registry);
        active = submit(hostileName, "FINANCE");
        move(lifecycle, active, TenantState.APPROVED, TenantState.PROVISIONING, TenantState.CONFIGURING,
                TenantState.VALIDATING, TenantState.ACTIVE);
        degraded = submit("Beta " + suffix(), "RESEARCH");
        move(lifecycle, degraded, TenantState.APPROVED, TenantState.PROVISIONING, TenantState.CONFIGURING,
                TenantState.VALIDATING, TenantState.ACTIVE, TenantState.DEGRADED);
        rolledBack = submit("Gamma " + suffix(), "RESEARCH");
        move(lifecycle, rolledBack, TenantState.APPROVED, TenantState.PROVISIONING, TenantState.CONFIGURING,
                TenantState.VALIDATING, TenantState.ROLLING_BACK, TenantState.ROLLED_BACK);
        waiting = submit("Delta " + suffix(), "FINANCE");

        // twelve runs of the active tenant, every third one failed; the last is a re-validation without drift
        for (int i = 1; i <= 11; i++) {
            record(active, i, suite(i % 3 != 0), Optional.empty());
        }
        record(active, 12, suite(true), Optional.of(List.of()));
        // the degraded tenant: passed, then a re-validation that found drift, then a plain validation
        record(degraded, 1, suite(true), Optional.empty());
        record(degraded, 2, suite(false), Optional.of(List.of(
                new DriftFinding(ResourceKind.REDIS, "t_beta", DriftFinding.Problem.MISSING, "no such ACL user"),
                new DriftFinding(ResourceKind.OBJECT_STORE, "tenant-beta", DriftFinding.Problem.TAG_CHANGED,
                        "tag Tier is 'Gold', journalled 'Bronze'"))));
        record(degraded, 3, suite(false), Optional.empty());
        record(rolledBack, 1, suite(false), Optional.empty());

        var vault = registry.secrets(SecretCipher.fromSettings(throwaway.settings()));
        vault.put(active, "postgres.password", Secret.of(PASSWORD));
        vault.put(active, "redis.password", Secret.of("redis-" + PASSWORD));
        // a finished tenant's slug may be reused: rows under it belong to whoever is live, never to it
        vault.put(rolledBack, "postgres.password", Secret.of("other-" + PASSWORD));
        threeDaysLater = Clock.offset(Clock.systemUTC(), Duration.ofDays(3));
    }

    @AfterAll
    void drop() throws SQLException {
        if (throwaway != null) {
            throwaway.close();
        }
    }

    @Test
    void theLiveFleetLeavesFinishedTenantsOutAndAllIncludesThem() {
        FleetReport live = ledger.fleet(FleetQuery.live(), threeDaysLater);
        FleetReport all = ledger.fleet(new FleetQuery(true, 10), threeDaysLater);

        assertThat(live.tenants()).extracting(FleetTenant::slug).containsExactlyInAnyOrder(active, degraded, waiting);
        assertThat(all.tenants()).extracting(FleetTenant::slug)
                .containsExactlyInAnyOrder(active, degraded, waiting, rolledBack);
        assertThat(live.countByState()).containsExactly(
                java.util.Map.entry(TenantState.APPROVED, 1), java.util.Map.entry(TenantState.ACTIVE, 1),
                java.util.Map.entry(TenantState.DEGRADED, 1));
        for (FleetTenant tenant : all.tenants()) {
            TenantRecord record = registry.tenants().require(tenant.slug());
            assertThat(tenant.tenantId()).isEqualTo(record.id());
            assertThat(tenant.state()).isEqualTo(record.state());
            assertThat(tenant.monthlyCostInr()).isEqualTo(record.cost().monthlyInr());
            assertThat(tenant.tier()).isEqualTo(record.tier());
            assertThat(tenant.region()).isEqualTo(record.region());
        }
        assertThat(tenant(live, active).name()).isEqualTo(hostileName);
        assertThat(tenant(live, active).costCenter()).isEqualTo("FINANCE");
        assertThat(tenant(live, degraded).costCenter()).isEqualTo("RESEARCH");
    }

    @Test
    void theTrendIsTheLastRecordedRunsOldestFirstAndTheLastRunIsTheLastValidation() {
        FleetTenant acme = tenant(ledger.fleet(FleetQuery.live(), threeDaysLater), active);

        assertThat(acme.trend()).hasSize(10).extracting(ValidationSummary::finishedAt).isSorted()
                .startsWith(finishedAt(3)).endsWith(finishedAt(12));
        assertThat(acme.trend()).extracting(ValidationSummary::passed)
                .containsExactly(false, true, true, false, true, true, false, true, true, true);
        assertThat(acme.lastValidation()).get().satisfies(last -> {
            assertThat(last.passed()).isTrue();
            assertThat(last.checks()).as("a re-validation counts its drift result").isEqualTo("3/3");
        });
        assertThat(acme.trend()).extracting(ValidationSummary::checks).startsWith("0/2", "1/2");
        assertThat(tenant(ledger.fleet(new FleetQuery(false, 3), threeDaysLater), active).trend()).hasSize(3);
        FleetTenant delta = tenant(ledger.fleet(FleetQuery.live(), threeDaysLater), waiting);
        assertThat(delta.trend()).isEmpty();
        assertThat(delta.lastValidation()).isEmpty();
    }

    @Test
    void driftComesFromTheLastReValidationNotFromALaterPlainValidation() {
        FleetReport report = ledger.fleet(new FleetQuery(true, 10), threeDaysLater);

        assertThat(tenant(report, active).drift()).isEqualTo(new DriftStatus.Clean(finishedAt(12)));
        assertThat(tenant(report, degraded).drift()).isInstanceOfSatisfying(DriftStatus.Drifted.class, d -> {
            assertThat(d.checkedAt()).isEqualTo(finishedAt(2));
            assertThat(d.findings()).containsExactly("redis t_beta: MISSING — no such ACL user",
                    "object-store tenant-beta: TAG_CHANGED — tag Tier is 'Gold', journalled 'Bronze'");
        });
        assertThat(tenant(report, degraded).lastValidation()).get().extracting(ValidationSummary::finishedAt)
                .isEqualTo(finishedAt(3));
        assertThat(tenant(report, rolledBack).drift()).isEqualTo(new DriftStatus.NotChecked());
        assertThat(tenant(report, waiting).drift()).isEqualTo(new DriftStatus.NotChecked());
    }

    @Test
    void credentialAgesAreNamesAndTimesNeverSecrets() {
        FleetReport report = ledger.fleet(new FleetQuery(true, 10), threeDaysLater);
        FleetTenant acme = tenant(report, active);

        assertThat(acme.credentials()).extracting(CredentialAge::name)
                .containsExactly("postgres.password", "redis.password");
        assertThat(acme.credentials()).allSatisfy(c -> {
            assertThat(c.age()).isEqualTo(Duration.between(c.writtenAt(), report.generatedAt()));
            assertThat(c.age()).isBetween(Duration.ofDays(3), Duration.ofDays(3).plusMinutes(5));
        });
        assertThat(acme.oldestCredential()).get().extracting(CredentialAge::name).isEqualTo("postgres.password");
        assertThat(tenant(report, rolledBack).credentials()).as("a finished tenant's secrets are gone").isEmpty();
        assertThat(tenant(report, waiting).credentials()).isEmpty();
        assertThat(report.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void costPerCostCenterIsTheMonthsChargeback() {
        FleetReport report = ledger.fleet(FleetQuery.live(), threeDaysLater);
        YearMonth month = YearMonth.from(threeDaysLater.instant().atZone(ZoneOffset.UTC));
        CostReport chargeback = new CostReportBuilder(registry).build(month);

        assertThat(report.chargebackMonth()).isEqualTo(month);
        assertThat(report.costCenters()).isEqualTo(chargeback.costCenters());
        assertThat(report.totalMonthlyInr()).isEqualTo(chargeback.totalMonthlyInr())
                .isEqualTo(tenant(report, active).monthlyCostInr() + tenant(report, degraded).monthlyCostInr());
    }

    @Test
    void anOutOfRangeTrendIsRefused() {
        assertThatThrownBy(() -> new FleetQuery(false, 0)).hasMessageContaining("1-50");
        assertThatThrownBy(() -> new FleetQuery(false, 51)).hasMessageContaining("got 51");
    }

    private Slug submit(String name, String costCenter) {
        TenantPlan plan = TestRequests.plan(TestRequests.request(new RequestDraft(name, "gold", "eu-west-1",
                "900000", "owner@example.com", "INTERNAL", "NONE", false, costCenter, null)));
        new TenantSubmission(registry).submit(plan, "fleet-test@example.com");
        return plan.request().slug();
    }

    private static void move(Lifecycle lifecycle, Slug slug, TenantState... path) {
        for (int i = 1; i < path.length; i++) {
            lifecycle.transition(slug, path[i - 1], path[i], "fleet-test", "to " + path[i]);
        }
    }

    /** A small suite: one critical check that passes or not, one warning-level check that always fails. */
    private static List<CheckResult> suite(boolean passes) {
        List<CheckResult> results = new ArrayList<>();
        results.add(new CheckResult("database-connectivity", "Database connectivity", true,
                passes ? new CheckOutcome.Passed("ok", null) : new CheckOutcome.Failed("refused", null),
                Duration.ofMillis(3)));
        results.add(new CheckResult("cost-tags", "Cost tags", false, new CheckOutcome.Failed("missing", null),
                Duration.ofMillis(2)));
        return results;
    }

    /** Records run {@code n} as validation does, or as re-validation does when drift findings are given. */
    private void record(Slug slug, int n, List<CheckResult> results, Optional<List<DriftFinding>> drift) {
        List<CheckResult> all = new ArrayList<>(results);
        drift.ifPresent(findings -> all.add(DriftDetector.asResult(findings, Duration.ofMillis(4))));
        if (drift.isPresent() && results.get(0).outcome() instanceof CheckOutcome.Passed) {
            // a passing re-validation in this fixture passes every check, so its counts read "3/3"
            all.set(1, new CheckResult("cost-tags", "Cost tags", false, new CheckOutcome.Passed("ok", null),
                    Duration.ofMillis(2)));
        }
        ValidationReport report = new ValidationReport(slug.value(), "Gold", finishedAt(n).minusSeconds(5),
                finishedAt(n), all);
        registry.validationRuns().record(registry.tenants().require(slug).id(), report.startedAt(),
                report.finishedAt(), report.passed(), JsonReport.render(report));
    }

    private static Instant finishedAt(int n) {
        return T0.plus(Duration.ofMinutes(n));
    }

    private static FleetTenant tenant(FleetReport report, Slug slug) {
        return report.tenants().stream().filter(t -> t.slug().equals(slug)).findFirst().orElseThrow();
    }

    private static String suffix() {
        return TestServices.uniqueSlug("x").value().substring(2);
    }
}
