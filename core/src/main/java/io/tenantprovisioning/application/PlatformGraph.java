package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.Actor;

import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.engine.ProvisioningEngine;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.notify.LogNotifier;
import io.tenantprovisioning.notify.NotificationEvent;
import io.tenantprovisioning.notify.Notifications;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.AuditEntry;
import io.tenantprovisioning.registry.Lifecycle;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.RunLock;
import io.tenantprovisioning.registry.TransitionGuard;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every handler shares, wired once per process by {@link TenantPlatform}: the long-lived
 * clients, the engines by name, notifications and the test-only failure points. Package-private:
 * adapters see handlers, never this graph.
 */
final class PlatformGraph {

    /** The audit action of a notification a channel did not deliver. */
    static final String NOTIFICATION_FAILED = "notification-failed";

    final PlatformServices services;
    final Registry registry;
    final Lifecycle lifecycle;
    final Map<String, ProvisioningEngine> engines;
    final TenantAccessLoader accessLoader;
    final FailurePoints failurePoints;
    private final Notifications notifications;
    private final ProgressListener events;
    /** Who runs this platform (the CLI's operator, the Jenkins build's user): recorded on every lifecycle move. */
    private final Actor operator;

    PlatformGraph(PlatformServices services, Map<String, ProvisioningEngine> engines, FailurePoints failurePoints,
                  ProgressListener events, Actor operator) {
        this.services = services;
        this.operator = operator;
        this.registry = services.registry();
        this.lifecycle = new Lifecycle(registry, services.faults().wrap(TransitionGuard.NONE));
        this.engines = Map.copyOf(engines);
        this.failurePoints = failurePoints;
        this.events = events;
        this.accessLoader = new TenantAccessLoader(registry, services.vault());
        this.notifications = Notifications.fromSettings(services.settings(), Map.of(),
                new LogNotifier(line -> events.event("notify", line)));
    }

    /**
     * Runs {@code work} holding the tenant's run lock, so only one run per tenant changes it at a
     * time; a lock another run holds ends in {@code RunInProgressException} naming that run. Every
     * handler that changes a tenant goes through here.
     */
    @SuppressWarnings("try") // the lock is held for the block's duration, never referenced in it
    <T> T underRunLock(Slug slug, String what, Supplier<T> work) {
        try (RunLock lock = RunLock.acquire(registry, slug, runId(what))) {
            return work.get();
        }
    }

    /** As {@link #underRunLock(Slug, String, Supplier)}, but waits up to {@code wait} for a holder to finish. */
    @SuppressWarnings("try")
    <T> T underRunLock(Slug slug, String what, Duration wait, ProgressListener progress, Supplier<T> work) {
        try (RunLock lock = RunLock.acquire(registry, slug, runId(what), wait, holder -> progress.event(what,
                "waiting up to " + wait.toSeconds() + " s for the run holding tenant '" + slug + "' to finish ("
                        + holder + ")"))) {
            return work.get();
        }
    }

    /**
     * Sends the event on every channel. A channel that failed never fails the operation: it is a warning in
     * the events and a {@value #NOTIFICATION_FAILED} row in the audit log, so the tenant's trail says who was
     * not told. An audit log that cannot be written either is a warning too (the operation's own records
     * are already durable by then).
     */
    void publish(NotificationEvent event) {
        notifications.publish(event).stream().filter(o -> !o.delivered()).forEach(o -> {
            events.event("notify", "not delivered: " + o.describe());
            try {
                registry.audit().append(new AuditEntry(operator.id(), event.slug(), NOTIFICATION_FAILED, null, null,
                        o.describe()));
            } catch (RuntimeException e) {
                events.event("notify", "could not record the failed notification in the audit log: "
                        + e.getClass().getSimpleName());
            }
        });
    }

    ProvisioningEngine engine(EngineKind kind) {
        ProvisioningEngine engine = engines.get(kind.name().toLowerCase(Locale.ROOT));
        if (engine == null) {
            throw new IllegalArgumentException("the " + kind.name().toLowerCase(Locale.ROOT)
                    + " engine is not available here (is TERRAFORM_BIN installed?)");
        }
        return engine;
    }

    /** The engine that created the tenant: rollback and offboarding destroy through it. */
    ProvisioningEngine engineOf(TenantRecord tenant) {
        String name = tenant.engineName().orElse("direct");
        ProvisioningEngine engine = engines.get(name);
        if (engine == null) {
            throw new IllegalStateException("tenant '" + tenant.slug() + "' was provisioned by the " + name
                    + " engine, which is not configured here");
        }
        return engine;
    }

    TenantRecord tenantOfRequest(String requestId) {
        UUID id = parseRequestId(requestId);
        UUID tenantId = registry.requests().require(id).tenantId();
        return registry.tenants().byId(tenantId)
                .orElseThrow(() -> new IllegalArgumentException("request " + requestId + " has no tenant"));
    }

    static UUID parseRequestId(String requestId) {
        try {
            return UUID.fromString(requestId.trim());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("request id '" + requestId + "' is not a UUID");
        }
    }

    /** The operator as the lifecycle and the audit log write it: the name and where it came from. */
    String actor() {
        return operator.id() + " (" + operator.source().label() + ")";
    }

    static String runId(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
