package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.IdentitySource;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.ConfigVersion;
import io.tenantprovisioning.registry.ConfigVersionStatus;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.SecretStamp;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.ChangeDraft;
import io.tenantprovisioning.request.InvalidRequestException;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.redis.RedisEndpoint;
import io.tenantprovisioning.testing.AdminPostgres;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierCatalog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * tenantctl update on the real local services (PostgreSQL, Redis, moto S3 + IAM, Lucene, Prometheus files):
 * a change waits for the approvers its route names, is applied in place with the tenant serving and its data
 * and credentials kept, and re-validated; a change that fails (an injected failure, a failing driver, a
 * re-validation that cannot run) is undone on every service; bad input changes nothing.
 */
class UpdateHandlerTest {

    private static final Actor OPERATOR = new Actor("ops@update.example", IdentitySource.CLI_OPERATOR_VARIABLE);
    private static final TierCatalog TIERS = TierCatalog.load();

    @TempDir
    Path dataDir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final ProgressListener progress = (step, message) -> log.add(step + ": " + message);
    private final List<Slug> created = new ArrayList<>();
    private TenantPlatform platform;

    private TenantPlatform open(Map<Setting, String> extra) {
        Map<Setting, String> overrides = new EnumMap<>(Setting.class);
        overrides.put(Setting.OBJECT_STORE, "s3");
        overrides.put(Setting.OFFLINE, "true");
        // latency is not what these tests are about (a shared 2-core machine)
        overrides.put(Setting.QUERY_PERFORMANCE_SLA_MS, "20000");
        overrides.putAll(extra);
        Settings settings = TestServices.settingsIn(dataDir, overrides);
        return TenantPlatform.open(settings, progress);
    }

    @AfterEach
    void cleanUp() {
        if (platform == null) {
            return;
        }
        try {
            for (Slug slug : created) {
                TenantCleanup.finish(platform, slug);
            }
        } finally {
            platform.close();
        }
    }

    @Test
    void anUpgradeToGoldWaitsForTheCtoThenIsAppliedInPlaceKeepingDataAndCredentials() throws Exception {
        platform = open(Map.of());
        Slug slug = provision("upd-gold", "silver");
        Registry registry = platform.services().registry();
        TenantRecord before = registry.tenants().require(slug);
        writeTenantKey(slug, "kept", "the tenant's data");
        Map<String, Instant> credentialsBefore = credentialStamps(slug);
        String schemaOid = describe(slug, ResourceKind.POSTGRES).identifier();

        UpdateResult asked = platform.updateHandler().update(slug,
                change("gold", null, null, "CC_GROWTH"), OPERATOR, progress);

        assertThat(asked).as(logText()).isInstanceOf(UpdateResult.AwaitingApproval.class);
        ChangePlan plan = asked.plan();
        assertThat(plan.version()).isEqualTo(2);
        assertThat(plan.route().groups()).containsExactly(ApproverGroup.CTO);
        assertThat(plan.costAfter().monthlyInr()).isGreaterThan(plan.costBefore().monthlyInr());
        assertThat(plan.resourceChanges()).anyMatch(l -> l.startsWith("tag Tier Silver → Gold"))
                .anyMatch(l -> l.startsWith("tag CostCenter")).anyMatch(l -> l.startsWith("postgres: connection limit"));
        assertThat(plan.tierChanges()).extracting(c -> c.field()).contains("queriesPerMinute", "model");
        // waiting changes nothing: the tenant serves on its configuration
        assertThat(registry.tenants().require(slug).state()).isEqualTo(TenantState.ACTIVE);
        assertThat(registry.tenants().require(slug).tier()).isEqualTo(Tier.SILVER);
        assertThat(tagsOnServices(slug).values()).allSatisfy(tags -> assertThat(tags)
                .containsEntry(ChargebackTags.TIER, "Silver"));

        // the same approvals as a new request: the requester never approves their own change
        assertThatThrownBy(() -> platform.ledger().decisions().decide(slug, ApproverGroup.CTO,
                Actor.stated("OPS@update.example"), Verdict.APPROVED, "mine")).isInstanceOf(ApprovalException.class)
                .hasMessageContaining("may not approve");
        ApprovalOutcome approved = platform.ledger().decisions().decide(slug, ApproverGroup.CTO,
                Actor.stated("cto@update.example"), Verdict.APPROVED, "grow");
        assertThat(approved.changeVersion()).isEqualTo(2);
        assertThat(approved.state()).isEqualTo(TenantState.APPROVED);
        assertThat(approved.requestId().toString()).isEqualTo(
                ((UpdateResult.AwaitingApproval) asked).requestId());

        UpdateResult applied = platform.updateHandler().resume(slug, OPERATOR, progress);

        assertThat(applied).as(logText()).isInstanceOf(UpdateResult.Applied.class);
        assertThat(((UpdateResult.Applied) applied).report().passed()).isTrue();
        TenantRecord after = registry.tenants().require(slug);
        assertThat(after.state()).isEqualTo(TenantState.ACTIVE);
        assertThat(after.tier()).isEqualTo(Tier.GOLD);
        assertThat(after.tierConfig()).isEqualTo(TIERS.config(Tier.GOLD));
        assertThat(after.cost().monthlyInr()).isEqualTo(plan.costAfter().monthlyInr());
        assertThat(after.id()).isEqualTo(before.id());
        // on every service, read back from the service itself
        Map<ResourceKind, Map<String, String>> tags = tagsOnServices(slug);
        assertThat(tags.keySet()).containsExactlyInAnyOrder(ResourceKind.values());
        assertThat(tags.values()).allSatisfy(t -> assertThat(t).containsEntry(ChargebackTags.TIER, "Gold")
                .containsEntry(ChargebackTags.COST_CENTER, "CC_GROWTH"));
        assertThat(connectionLimit(slug)).isEqualTo(TIERS.config(Tier.GOLD).postgresConnectionLimit());
        // in place: the same schema, the tenant's data and every credential as they were
        assertThat(describe(slug, ResourceKind.POSTGRES).identifier()).isEqualTo(schemaOid);
        assertThat(readTenantKey(slug, "kept")).isEqualTo("the tenant's data");
        assertThat(credentialStamps(slug)).isEqualTo(credentialsBefore);

        List<ConfigVersion> versions = registry.configVersions().forTenant(after.id());
        assertThat(versions).extracting(ConfigVersion::version, ConfigVersion::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, ConfigVersionStatus.APPLIED),
                org.assertj.core.groups.Tuple.tuple(2, ConfigVersionStatus.APPLIED));
        assertThat(versions.get(1).changedBy()).isEqualTo("ops@update.example");
        assertThat(versions.get(1).changedBySource()).isEqualTo("cli:TENANTCTL_OPERATOR");
        assertThat(versions.get(1).changes()).extracting(Object::toString)
                .contains("tier: SILVER → GOLD", "costCenter: CC_" + slug.value().toUpperCase().replace('-', '_')
                        + " → CC_GROWTH");
        // chargeback follows the configuration now
        assertThat(platform.ledger().costReport(java.time.YearMonth.now(java.time.ZoneOffset.UTC))
                .linesOf("CC_GROWTH")).extracting(l -> l.slug()).contains(slug);
        assertThat(audit(slug)).anyMatch(r -> r.startsWith("ops@update.example config-change v2"))
                .anyMatch(r -> r.startsWith("cto@update.example approval CTO APPROVED"))
                .anyMatch(r -> r.startsWith("ops@update.example config-applied v2 applied in place"));
    }

    @Test
    void aChangeThatFailsIsUndoneOnEveryServiceAndBadInputChangesNothing() throws Exception {
        platform = open(Map.of());
        Slug slug = provision("upd-fail", "bronze");
        Registry registry = platform.services().registry();
        TenantRecord tenant = registry.tenants().require(slug);
        Map<ResourceKind, Map<String, String>> tagsBefore = tagsOnServices(slug);
        int auditRows = audit(slug).size();

        refusesBadInput(slug, auditRows);

        // an injected failure after four kinds were already changed: all of them are put back
        UpdateResult failedAt = updateWith(Map.of(Setting.TENANTCTL_FAIL_AT, "update-monitoring"), slug);
        assertRestored(slug, failedAt, "injected failure at step 'update-monitoring'", tagsBefore);
        assertThat(log).anyMatch(l -> l.contains("postgres") && l.contains("Tier=Silver"));

        // a driver that fails while rewriting: the fault points of the composition root
        UpdateResult failedDriver = updateWith(Map.of(Setting.TENANTCTL_FAULTS, "driver-configure:redis=fail-times:1"),
                slug);
        assertRestored(slug, failedDriver, "driver-configure:redis", tagsBefore);
        assertThat(registry.configVersions().forTenant(tenant.id())).extracting(ConfigVersion::status)
                .containsExactly(ConfigVersionStatus.APPLIED, ConfigVersionStatus.FAILED, ConfigVersionStatus.FAILED);

        // a rejected change is never applied
        UpdateResult sensitive = platform.updateHandler().update(slug, change(null, null, "PII", null), OPERATOR,
                progress);
        assertThat(sensitive.plan().route().groups()).containsExactly(ApproverGroup.LEGAL, ApproverGroup.COMPLIANCE);
        assertThatThrownBy(() -> platform.updateHandler().update(slug, change(null, "600000", null, null), OPERATOR,
                progress)).isInstanceOf(StateConflictException.class).hasMessageContaining("already has change v4");
        ApprovalOutcome rejected = platform.ledger().decisions().decide(slug, ApproverGroup.LEGAL,
                Actor.stated("legal@update.example"), Verdict.REJECTED, "no PII here");
        assertThat(rejected.state()).isEqualTo(TenantState.REJECTED);
        assertThat(registry.tenants().require(slug).state()).isEqualTo(TenantState.ACTIVE);
        assertThatThrownBy(() -> platform.updateHandler().resume(slug, OPERATOR, progress))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("no change waiting");

        // the same change without a fault goes through
        UpdateResult applied = platform.updateHandler().update(slug, change("silver", null, null, "CC_NEW"), OPERATOR,
                progress);
        assertThat(applied).as(logText()).isInstanceOf(UpdateResult.Applied.class);
        assertThat(tagsOnServices(slug).values()).allSatisfy(t -> assertThat(t)
                .containsEntry(ChargebackTags.TIER, "Silver").containsEntry(ChargebackTags.COST_CENTER, "CC_NEW"));
        assertThat(registry.configVersions().current(tenant.id()).orElseThrow().version()).isEqualTo(5);

        // a restore whose re-validation cannot run is not taken for a success: the tenant is DEGRADED
        Map<ResourceKind, Map<String, String>> silverTags = tagsOnServices(slug);
        UpdateResult unproven = updateWith(Map.of(Setting.TENANTCTL_FAIL_AT, "validate"), slug,
                change("bronze", null, null, null));
        assertThat(unproven).as(logText()).isInstanceOf(UpdateResult.Restored.class);
        assertThat(((UpdateResult.Restored) unproven).restoreErrors()).isNotEmpty();
        assertThat(registry.tenants().require(slug).state()).isEqualTo(TenantState.DEGRADED);
        assertThat(registry.tenants().require(slug).tier()).isEqualTo(Tier.SILVER);
        assertThat(tagsOnServices(slug)).isEqualTo(silverTags);

        // a change still waiting when its tenant is offboarded can no longer be decided
        UpdateResult waiting = platform.updateHandler().update(slug, change(null, null, "PHI", null), OPERATOR,
                progress);
        assertThat(waiting).isInstanceOf(UpdateResult.AwaitingApproval.class);
        assertThat(platform.offboard(slug, progress).complete()).as(logText()).isTrue();
        assertThatThrownBy(() -> platform.ledger().decisions().decide(slug,
                UUID.fromString(((UpdateResult.AwaitingApproval) waiting).requestId()).toString(), ApproverGroup.LEGAL,
                Actor.stated("legal@update.example"), Verdict.APPROVED, "too late"))
                .isInstanceOf(ApprovalException.class).hasMessageContaining("can no longer be applied");
    }

    private void refusesBadInput(Slug slug, int auditRows) {
        UpdateHandler update = platform.updateHandler();
        assertThatThrownBy(() -> update.update(slug, change("platinum", null, null, null), OPERATOR, progress))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("tier: 'platinum' is not one of");
        assertThatThrownBy(() -> update.update(slug, change(null, "-5", null, null), OPERATOR, progress))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("budget: '-5'");
        assertThatThrownBy(() -> update.update(slug, change("bronze", "500000", null, null), OPERATOR, progress))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nothing to change");
        assertThatThrownBy(() -> update.update(slug, change(null, null, null, null), OPERATOR, progress))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nothing to change");
        Slug waiting = TestServices.uniqueSlug("upd-pending");
        created.add(waiting);
        platform.submitHandler().submit(TestRequests.draft(waiting, "gold", 2_000_000, null), Actor.stated("test"));
        assertThatThrownBy(() -> update.update(waiting, change("silver", null, null, null), OPERATOR, progress))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("is PENDING_APPROVAL; only a tenant "
                        + "that serves traffic");
        platform.ledger().decisions().decide(waiting, ApproverGroup.CFO, Actor.stated("cfo@update.example"),
                Verdict.REJECTED, "only here to be refused a change");
        assertThat(platform.services().registry().configVersions()
                .forTenant(platform.services().registry().tenants().require(slug).id())).isEmpty();
        assertThat(audit(slug)).hasSize(auditRows);
    }

    private void assertRestored(Slug slug, UpdateResult result, String why,
                                Map<ResourceKind, Map<String, String>> tagsBefore) throws Exception {
        assertThat(result).as(logText()).isInstanceOf(UpdateResult.Restored.class);
        UpdateResult.Restored restored = (UpdateResult.Restored) result;
        assertThat(restored.reason()).contains(why);
        assertThat(restored.restoreErrors()).as(logText()).isEmpty();
        assertThat(restored.restored().passed()).isTrue();
        TenantRecord now = platform.services().registry().tenants().require(slug);
        assertThat(now.state()).isEqualTo(TenantState.ACTIVE);
        assertThat(now.tier()).isEqualTo(Tier.BRONZE);
        assertThat(tagsOnServices(slug)).isEqualTo(tagsBefore);
        assertThat(connectionLimit(slug)).isEqualTo(TIERS.config(Tier.BRONZE).postgresConnectionLimit());
        assertThat(audit(slug)).anyMatch(r -> r.contains("config-restored v" + restored.plan().version() + " failed"));
    }

    private UpdateResult updateWith(Map<Setting, String> faults, Slug slug) {
        return updateWith(faults, slug, change("silver", null, null, "CC_NEW"));
    }

    private UpdateResult updateWith(Map<Setting, String> faults, Slug slug, ChangeDraft draft) {
        try (TenantPlatform faulty = open(faults)) {
            return faulty.updateHandler().update(slug, draft, OPERATOR, progress);
        }
    }

    private static ChangeDraft change(String tier, String budget, String classification, String costCenter) {
        return new ChangeDraft(tier, budget, classification, null, null, costCenter, null);
    }

    private Slug provision(String prefix, String tier) {
        Slug slug = TestServices.uniqueSlug(prefix);
        created.add(slug);
        PipelineOutcome outcome = platform.job().run(TestRequests.draft(slug, tier, 500_000, null), "requester",
                EngineKind.DIRECT, progress);
        assertThat(outcome).as(logText()).isInstanceOf(PipelineOutcome.Activated.class);
        return slug;
    }

    private Map<ResourceKind, Map<String, String>> tagsOnServices(Slug slug) throws ResourceException {
        Map<ResourceKind, Map<String, String>> tags = new EnumMap<>(ResourceKind.class);
        for (ResourceDriver driver : platform.services().drivers()) {
            driver.describe(slug).ifPresent(d -> tags.put(d.kind(), new TreeMap<>(d.tags())));
        }
        return tags;
    }

    private ResourceDescription describe(Slug slug, ResourceKind kind) throws ResourceException {
        for (ResourceDriver driver : platform.services().drivers()) {
            if (driver.kind() == kind) {
                return driver.describe(slug).orElseThrow();
            }
        }
        throw new AssertionError("no driver for " + kind);
    }

    private static int connectionLimit(Slug slug) throws Exception {
        return ((Number) AdminPostgres.queryValue("SELECT rolconnlimit FROM pg_roles WHERE rolname = ?",
                slug.sqlIdentifier())).intValue();
    }

    /** When each credential was written (markers beside them are rewritten by a change; credentials never). */
    private Map<String, Instant> credentialStamps(Slug slug) {
        Map<String, Instant> stamps = new TreeMap<>();
        for (SecretStamp stamp : platform.services().registry().secretStamps().of(List.of(slug))
                .getOrDefault(slug.value(), List.of())) {
            if (!stamp.name().endsWith(".tags")) {
                stamps.put(stamp.name(), stamp.writtenAt());
            }
        }
        assertThat(stamps).isNotEmpty();
        return stamps;
    }

    private void writeTenantKey(Slug slug, String key, String value) {
        try (Jedis admin = redisAdmin()) {
            admin.set(slug.redisPrefix() + key, value);
        }
    }

    private String readTenantKey(Slug slug, String key) {
        try (Jedis admin = redisAdmin()) {
            return admin.get(slug.redisPrefix() + key);
        }
    }

    private Jedis redisAdmin() {
        Settings settings = platform.settings();
        return RedisEndpoint.fromSettings(settings).connect(null, settings.requiredSecret(Setting.REDIS_PASSWORD));
    }

    private List<String> audit(Slug slug) {
        return platform.ledger().audit(slug).stream().map(UpdateHandlerTest::line).toList();
    }

    private static String line(AuditRecord r) {
        return r.actor() + " " + r.action() + " " + (r.reason() == null ? "" : r.reason());
    }

    private String logText() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }
}
