package io.tenantprovisioning.chargeback;

import io.tenantprovisioning.model.TenantState;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.registry.AuditLog;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.ChainHash;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.tier.Tier;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The billing rule on hand-made audit trails with chosen timestamps. */
class ServicePeriodTest {

    private static final ZoneId UTC = CostReportBuilder.UTC;
    private static final Slug SLUG = Slug.of("acme-corp");

    @Test
    void anActiveTenantIsBillableFromTheMonthItWentActiveOn() {
        TenantRecord tenant = tenant("ACTIVE", "2025-01-10T09:00:00Z", "2025-01-15T10:00:00Z");
        List<AuditRecord> trail = trail("2025-01-10T09:00:00Z REQUESTED", "2025-01-10T09:00:01Z APPROVED",
                "2025-01-15T09:59:00Z PROVISIONING", "2025-01-15T10:00:00Z ACTIVE");

        ServicePeriod period = ServicePeriod.of(tenant, trail).orElseThrow();

        assertThat(period.start()).isEqualTo(Instant.parse("2025-01-15T10:00:00Z"));
        assertThat(period.end()).isNull();
        assertThat(period.billableIn(YearMonth.of(2024, 12), UTC)).isFalse();
        assertThat(period.billableIn(YearMonth.of(2025, 1), UTC)).isTrue();
        assertThat(period.billableIn(YearMonth.of(2025, 2), UTC)).isTrue();
        assertThat(period.billableIn(YearMonth.of(2030, 1), UTC)).as("a future month is a projection").isTrue();
    }

    @Test
    void degradedAndOffboardingStayInsideThePeriodThatOffboardingEnds() {
        TenantRecord tenant = tenant("OFFBOARDED", "2025-01-10T09:00:00Z", "2025-03-10T12:00:00Z");
        List<AuditRecord> trail = trail("2025-01-10T09:00:00Z REQUESTED", "2025-01-15T10:00:00Z ACTIVE",
                "2025-02-02T00:00:00Z DEGRADED", "2025-02-03T00:00:00Z ACTIVE", "2025-03-09T08:00:00Z OFFBOARDING",
                "2025-03-10T12:00:00Z OFFBOARDED");

        ServicePeriod period = ServicePeriod.of(tenant, trail).orElseThrow();

        assertThat(period.start()).as("the first activation").isEqualTo(Instant.parse("2025-01-15T10:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2025-03-10T12:00:00Z"));
        assertThat(List.of(1, 2, 3, 4)).map(m -> period.billableIn(YearMonth.of(2025, m), UTC))
                .containsExactly(true, true, true, false);
    }

    @Test
    void offboardedAtMidnightIsNotBilledForTheMonthThatBegins() {
        TenantRecord tenant = tenant("OFFBOARDED", "2025-01-10T09:00:00Z", "2025-04-01T00:00:00Z");
        List<AuditRecord> trail = trail("2025-01-15T10:00:00Z ACTIVE", "2025-04-01T00:00:00Z OFFBOARDED");

        ServicePeriod period = ServicePeriod.of(tenant, trail).orElseThrow();

        assertThat(period.billableIn(YearMonth.of(2025, 3), UTC)).isTrue();
        assertThat(period.billableIn(YearMonth.of(2025, 4), UTC)).isFalse();
    }

    @Test
    void aTenantThatNeverWentActiveIsNeverBillable() {
        assertThat(ServicePeriod.of(tenant("ROLLED_BACK", "2025-01-10T09:00:00Z", "2025-01-10T10:00:00Z"),
                trail("2025-01-10T09:00:00Z REQUESTED", "2025-01-10T09:00:01Z APPROVED",
                        "2025-01-10T09:01:00Z PROVISIONING", "2025-01-10T09:02:00Z ROLLING_BACK",
                        "2025-01-10T10:00:00Z ROLLED_BACK"))).isEmpty();
        assertThat(ServicePeriod.of(tenant("PENDING_APPROVAL", "2025-01-10T09:00:00Z", "2025-01-10T09:00:00Z"),
                trail("2025-01-10T09:00:00Z REQUESTED", "2025-01-10T09:00:01Z PENDING_APPROVAL"))).isEmpty();
        assertThat(ServicePeriod.of(tenant("VALIDATING", "2025-01-10T09:00:00Z", "2025-01-10T09:05:00Z"),
                List.of())).as("no audit rows and a state that was never served").isEmpty();
    }

    @Test
    void rowsOfAnEarlierTenantWithTheSameSlugAreIgnored() {
        List<AuditRecord> trail = trail("2024-01-05T00:00:00Z ACTIVE", "2024-02-20T00:00:00Z OFFBOARDED",
                "2025-01-10T09:00:00Z REQUESTED", "2025-01-10T09:00:01Z APPROVED");

        assertThat(ServicePeriod.of(tenant("APPROVED", "2025-01-10T09:00:00Z", "2025-01-10T09:00:01Z"), trail))
                .as("the new tenant was not activated yet").isEmpty();

        List<AuditRecord> activated = new ArrayList<>(trail);
        activated.addAll(trail("2025-03-01T08:00:00Z ACTIVE"));
        ServicePeriod period = ServicePeriod.of(tenant("ACTIVE", "2025-01-10T09:00:00Z", "2025-03-01T08:00:00Z"),
                activated).orElseThrow();
        assertThat(period.start()).isEqualTo(Instant.parse("2025-03-01T08:00:00Z"));
        assertThat(period.billableIn(YearMonth.of(2024, 1), UTC)).isFalse();
        assertThat(period.billableIn(YearMonth.of(2025, 2), UTC)).isFalse();
        assertThat(period.billableIn(YearMonth.of(2025, 3), UTC)).isTrue();
    }

    @Test
    void withoutAnAuditTrailTheRowTimestampsDecide() {
        ServicePeriod running = ServicePeriod.of(tenant("DEGRADED", "2025-01-10T09:00:00Z", "2025-05-01T00:00:00Z"),
                List.of()).orElseThrow();
        assertThat(running.start()).isEqualTo(Instant.parse("2025-01-10T09:00:00Z"));
        assertThat(running.end()).isNull();

        ServicePeriod gone = ServicePeriod.of(tenant("OFFBOARDED", "2025-01-10T09:00:00Z", "2025-02-14T00:00:00Z"),
                List.of()).orElseThrow();
        assertThat(gone.billableIn(YearMonth.of(2025, 2), UTC)).isTrue();
        assertThat(gone.billableIn(YearMonth.of(2025, 3), UTC)).isFalse();
    }

    @Test
    void theMonthIsTheCalendarMonthOfTheGivenZone() {
        // 20:00 UTC on 31 January is 01:30 on 1 February in India
        ServicePeriod period = ServicePeriod.of(tenant("ACTIVE", "2025-01-31T19:00:00Z", "2025-01-31T20:00:00Z"),
                trail("2025-01-31T20:00:00Z ACTIVE")).orElseThrow();
        ZoneId india = ZoneId.of("Asia/Kolkata");

        assertThat(period.billableIn(YearMonth.of(2025, 1), UTC)).isTrue();
        assertThat(period.billableIn(YearMonth.of(2025, 1), india)).isFalse();
        assertThat(period.billableIn(YearMonth.of(2025, 2), india)).isTrue();
    }

    @Test
    void onlyStatesAfterActivationCountAsServed() {
        assertThat(List.of("ACTIVE", "DEGRADED", "OFFBOARDING", "OFFBOARDED")).allMatch(ServicePeriod::servedState);
        assertThat(List.of("APPROVED", "VALIDATING", "ROLLBACK_FAILED", "ROLLED_BACK", "REJECTED", "active", ""))
                .noneMatch(ServicePeriod::servedState);
    }

    private static TenantRecord tenant(String state, String created, String updated) {
        return new TenantRecord(UUID.randomUUID(), SLUG, "Acme Corp", Tier.GOLD, "us-east-1", TenantState.valueOf(state), null, null,
                null, UUID.randomUUID(), Instant.parse(created), Instant.parse(updated));
    }

    /** Rows "2025-01-15T10:00:00Z ACTIVE": a transition into that state at that time. */
    private static List<AuditRecord> trail(String... rows) {
        List<AuditRecord> records = new ArrayList<>();
        long id = 1;
        for (String row : rows) {
            String[] parts = row.split(" ");
            records.add(new AuditRecord(id++, Instant.parse(parts[0]), "test", SLUG.value(),
                    "REQUESTED".equals(parts[1]) ? "request" : "transition", null, parts[1], "test",
                    AuditLog.GENESIS, AuditLog.GENESIS, ChainHash.HMAC_SHA256));
        }
        return records;
    }
}
