package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.registry.AuditEntry;
import io.tenantprovisioning.registry.ConfigVersion;
import io.tenantprovisioning.registry.ConfigVersionStatus;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.FieldChange;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The registry side of a change: the change recorded as a request (so approvals bind to it like to a new
 * request's) and a configuration version, then applied or failed; each step with its audit row, in one
 * transaction with the tenant row locked, so the registry never shows a configuration without who set it.
 */
final class ChangeRecords {

    static final String ACTION_REQUESTED = "config-change";
    static final String ACTION_APPLIED = "config-applied";
    static final String ACTION_RESTORED = "config-restored";
    static final String ACTION_CANCELLED = "config-cancelled";

    private final Registry registry;

    ChangeRecords(Registry registry) {
        this.registry = registry;
    }

    /** Records the change as version {@code plan.version()}: APPROVED when its route is empty, else PENDING_APPROVAL. */
    ConfigVersion record(TenantRecord tenant, ChangePlan plan, Actor requester) {
        return registry.inTransaction(tx -> {
            TenantRecord locked = tx.tenants().lock(tenant.id());
            Optional<ConfigVersion> open = tx.configVersions().open(locked.id());
            if (open.isPresent()) {
                throw new StateConflictException(openMessage(locked, open.get()));
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            if (tx.configVersions().forTenant(locked.id()).isEmpty()) {
                tx.configVersions().insert(baseline(tx, locked));
            }
            UUID requestId = UUID.randomUUID();
            tx.requests().insert(requestId, locked.id(), plan.after(), requester, plan.route());
            ConfigVersionStatus status = plan.route().autoApproved() ? ConfigVersionStatus.APPROVED
                    : ConfigVersionStatus.PENDING_APPROVAL;
            ConfigVersion version = new ConfigVersion(locked.id(), plan.version(), requestId, status,
                    plan.after().tier(), plan.tierAfter(), plan.costAfter(), plan.changes(), requester.id(),
                    requester.source().label(), null, now, now);
            tx.configVersions().insert(version);
            tx.audit().append(new AuditEntry(requester.id(), locked.slug().value(), ACTION_REQUESTED, null, null,
                    "v" + plan.version() + " (request " + requestId + "): " + describe(plan.changes()) + "; ₹"
                            + plan.costBefore().monthlyInr() + " → ₹" + plan.costAfter().monthlyInr() + "/month; "
                            + (plan.route().autoApproved() ? "auto-approved: the change needs no approver"
                            : "needs approval: " + plan.route().steps().stream()
                            .map(s -> s.group() + " (" + s.reason() + ")").collect(Collectors.joining("; ")))
                            + " [requester identity " + requester.source().label() + "]"));
            return version;
        });
    }

    /** The new configuration is on the resources: the tenant row takes it and the version is APPLIED. */
    void markApplied(TenantRecord tenant, ConfigVersion version, ChangePlan plan, Actor actor) {
        registry.inTransaction(tx -> {
            tx.tenants().lock(tenant.id());
            move(tx, version, ConfigVersionStatus.APPROVED, ConfigVersionStatus.APPLIED, null);
            tx.tenants().updateConfiguration(tenant.id(), plan.after().tier(), plan.tierAfter(), plan.costAfter());
            tx.audit().append(new AuditEntry(actor.id(), tenant.slug().value(), ACTION_APPLIED, null, null,
                    "v" + version.version() + " applied in place: " + describe(plan.changes())
                            + " [identity " + actor.source().label() + "]"));
            return null;
        });
    }

    /** The change failed: the tenant row takes the previous configuration back and the version is FAILED. */
    void markFailed(TenantRecord tenant, ConfigVersion version, ChangePlan plan, Actor actor, String reason) {
        registry.inTransaction(tx -> {
            tx.tenants().lock(tenant.id());
            ConfigVersionStatus now = tx.configVersions().byRequest(version.requestId())
                    .map(ConfigVersion::status).orElse(ConfigVersionStatus.APPROVED);
            move(tx, version, now, ConfigVersionStatus.FAILED, reason);
            tx.tenants().updateConfiguration(tenant.id(), plan.before().tier(), plan.tierBefore(), plan.costBefore());
            tx.audit().append(new AuditEntry(actor.id(), tenant.slug().value(), ACTION_RESTORED, null, null,
                    "v" + version.version() + " failed and the previous configuration was restored: " + reason
                            + " [identity " + actor.source().label() + "]"));
            return null;
        });
    }

    /**
     * The tenant is going away: its change still waiting for approval or to be applied is closed (REJECTED,
     * with why in its note) and audited, so no later approval or `resume` can apply it. Returns the version
     * it closed, if any.
     */
    Optional<ConfigVersion> cancelOpen(TenantRecord tenant, String actor, String why) {
        return registry.inTransaction(tx -> {
            TenantRecord locked = tx.tenants().lock(tenant.id());
            Optional<ConfigVersion> open = tx.configVersions().open(locked.id());
            open.ifPresent(version -> {
                move(tx, version, version.status(), ConfigVersionStatus.REJECTED, "cancelled: " + why);
                tx.audit().append(new AuditEntry(actor, locked.slug().value(), ACTION_CANCELLED, null, null,
                        "change v" + version.version() + " (request " + version.requestId() + ", " + version.status()
                                + ") cancelled, never to be applied: " + why));
            });
            return open;
        });
    }

    static String describe(List<FieldChange> changes) {
        return changes.stream().map(FieldChange::toString).collect(Collectors.joining(", "));
    }

    static String openMessage(TenantRecord tenant, ConfigVersion open) {
        return "tenant '" + tenant.slug() + "' already has change v" + open.version() + " (" + open.status()
                + ", request " + open.requestId() + "): " + (open.status() == ConfigVersionStatus.APPROVED
                ? "apply it with `tenantctl resume " + tenant.slug() + "`"
                : "it waits for approval (`tenantctl approve|reject " + tenant.slug() + "`)") + " before asking for another";
    }

    private static void move(Registry tx, ConfigVersion version, ConfigVersionStatus from, ConfigVersionStatus to,
                             String note) {
        if (!tx.configVersions().updateStatus(version.tenantId(), version.version(), from, to, note)) {
            throw new StateConflictException("configuration version " + version.version() + " of tenant "
                    + version.tenantId() + " is no longer " + from);
        }
    }

    /** Version 1: the request the tenant was provisioned from, as it was applied. */
    private static ConfigVersion baseline(Registry tx, TenantRecord tenant) {
        StoredRequest original = tx.requests().require(tenant.requestId());
        return new ConfigVersion(tenant.id(), 1, original.id(), ConfigVersionStatus.APPLIED, tenant.tier(),
                tenant.tierConfig(), tenant.cost(), List.of(), original.requester(), original.requesterSource(),
                null, original.createdAt(), original.createdAt());
    }
}
