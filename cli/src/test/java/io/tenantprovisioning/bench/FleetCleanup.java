package io.tenantprovisioning.bench;

import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.engine.SweepReport;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Removes what a bench run created: each of its tenants offboarded when live and ACTIVE-like, rolled
 * back otherwise; then every canary of the bench's registry swept. Problems are collected and reported
 * at the end (a leftover is never silent), not thrown at the first one.
 */
final class FleetCleanup {

    private static final List<String> OFFBOARDABLE = List.of("ACTIVE", "DEGRADED", "OFFBOARDING");
    /** Not provisioned yet: nothing of it exists, and no rollback is allowed from there. */
    private static final List<String> NOTHING_CREATED = List.of("REQUESTED", "PENDING_APPROVAL", "APPROVED");

    private final TenantPlatform platform;
    private final int parallelism;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    FleetCleanup(TenantPlatform platform, int parallelism) {
        this.platform = platform;
        this.parallelism = parallelism;
    }

    void removeAll(List<Slug> tenants) {
        FleetBench.progress("cleaning up " + tenants.size() + " tenants");
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        for (Slug slug : tenants) {
            pool.submit(() -> remove(slug));
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
                problems.add("cleanup did not finish within 30 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("cleanup interrupted");
        }
        sweepCanaries();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the bench left resources behind:\n  " + String.join("\n  ", problems));
        }
    }

    private void remove(Slug slug) {
        try {
            Optional<TenantRecord> tenant = platform.services().registry().tenants().find(slug);
            if (tenant.isEmpty() || tenant.get().state().finished()
                    || NOTHING_CREATED.contains(tenant.get().state().name())) {
                return;
            }
            boolean clean = OFFBOARDABLE.contains(tenant.get().state().name())
                    ? platform.offboard(slug, ProgressListener.silent()).complete()
                    : platform.rollback(slug, ProgressListener.silent()).survivors().isEmpty();
            if (!clean) {
                problems.add(slug + " (was " + tenant.get().state() + ") not removed completely");
            }
        } catch (RuntimeException e) {
            problems.add(slug + ": " + e.getMessage());
        }
    }

    /** The standing canaries this registry's validations made: no tenant rows, so swept by slug. */
    private void sweepCanaries() {
        for (Slug canary : platform.services().vault().tenants()) {
            if (platform.services().registry().tenants().find(canary).isPresent()) {
                continue;
            }
            try {
                SweepReport report = platform.sweep(Optional.of(canary), false, ProgressListener.silent());
                if (!report.clean()) {
                    problems.add("canary " + canary + ": survivors " + report.survivors());
                }
            } catch (RuntimeException e) {
                problems.add("canary " + canary + ": " + e.getMessage());
            }
        }
    }
}
