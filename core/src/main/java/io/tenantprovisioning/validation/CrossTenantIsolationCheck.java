package io.tenantprovisioning.validation;

import io.tenantprovisioning.resource.TenantAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Check 2: with each tenant's own credentials, tries to reach the other's data on every backend,
 * in both directions (tenant → peer and peer → tenant). Fails listing every access that wrongly
 * succeeded, with its backend and direction. A probe that cannot run also fails the check: an
 * unproven isolation is not a passed one.
 */
public final class CrossTenantIsolationCheck implements ValidationCheck {

    public static final String ID = "cross-tenant-isolation";

    private final List<IsolationProbe> probes;
    private final PeerTenantSource peers;

    public CrossTenantIsolationCheck(List<IsolationProbe> probes, PeerTenantSource peers) {
        if (probes.isEmpty()) {
            // a check with nothing to probe could never fail
            throw new IllegalArgumentException("cross-tenant isolation needs at least one isolation probe");
        }
        this.probes = List.copyOf(probes);
        this.peers = Objects.requireNonNull(peers, "peers");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Cross-tenant isolation";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public boolean critical() {
        return true;
    }

    @Override
    public CheckOutcome run(TenantAccess tenant) {
        PeerTenant peer;
        try {
            peer = peers.acquire(tenant);
        } catch (Exception e) {
            return new CheckOutcome.Failed("could not obtain a peer tenant to test isolation against: "
                    + ValidationSuite.describe(e), null);
        }
        Findings findings = new Findings();
        try {
            if (peer.access().slug().equals(tenant.slug())) {
                findings.problems.add("the peer tenant is " + tenant.slug() + " itself; isolation cannot be tested");
            } else {
                probeBothWays(tenant, peer.access(), findings);
            }
        } finally {
            release(peer, findings);
        }
        return findings.outcome(tenant, peer.access());
    }

    /**
     * Each backend's probes on a thread of their own (both directions one after the other): the backends
     * are independent services, so the check takes as long as its slowest backend, not their sum. The
     * findings keep the probes' order whatever order they finish in.
     */
    private void probeBothWays(TenantAccess tenant, TenantAccess peer, Findings findings) {
        ExecutorService backends = Executors.newFixedThreadPool(probes.size(), probeThreads(tenant));
        try {
            List<Future<Findings>> parts = new ArrayList<>(probes.size());
            for (IsolationProbe probe : probes) {
                parts.add(backends.submit(() -> {
                    Findings part = new Findings();
                    probe(probe, tenant, peer, part);
                    probe(probe, peer, tenant, part);
                    return part;
                }));
            }
            for (int i = 0; i < probes.size(); i++) {
                collect(probes.get(i), parts.get(i), findings);
            }
        } finally {
            // interrupts probes still running when the check itself is interrupted (its timeout)
            backends.shutdownNow();
        }
    }

    private static void collect(IsolationProbe probe, Future<Findings> part, Findings findings) {
        try {
            findings.add(part.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            findings.problems.add(probe.backend() + ": not probed to the end, the check was interrupted");
        } catch (ExecutionException e) {
            findings.problems.add(probe.backend() + ": probe could not run: " + ValidationSuite.describe(e.getCause()));
        }
    }

    private static ThreadFactory probeThreads(TenantAccess tenant) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "isolation-" + tenant.slug() + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void probe(IsolationProbe probe, TenantAccess self, TenantAccess other, Findings findings) {
        String direction = probe.backend() + " " + self.slug() + "→" + other.slug();
        if (Thread.currentThread().isInterrupted()) {
            findings.problems.add(direction + ": not probed, the check was interrupted");
            return;
        }
        findings.probesRun++;
        try {
            for (String violation : probe.violations(self, other)) {
                findings.violations.add(direction + ": " + violation);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            findings.problems.add(direction + ": probe interrupted");
        } catch (Exception e) {
            findings.problems.add(direction + ": probe could not run: " + ValidationSuite.describe(e));
        }
    }

    private static void release(PeerTenant peer, Findings findings) {
        try {
            peer.cleanup().release();
        } catch (Exception e) {
            // a canary left behind is a leftover resource holding credentials: never call that clean
            findings.problems.add("cleanup of peer tenant " + peer.access().slug() + " failed, remove it with "
                    + "'tenantctl rollback " + peer.access().slug() + "': " + ValidationSuite.describe(e));
        }
    }

    /** What the probes found; mutable only inside one run. */
    private final class Findings {
        private final List<String> violations = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private int probesRun;

        void add(Findings part) {
            violations.addAll(part.violations);
            problems.addAll(part.problems);
            probesRun += part.probesRun;
        }

        CheckOutcome outcome(TenantAccess tenant, TenantAccess peer) {
            if (violations.isEmpty() && problems.isEmpty()) {
                return new CheckOutcome.Passed("isolated from " + peer.slug() + " on "
                        + String.join(", ", backends()) + " (both directions)", probesRun + " probes, 0 violations");
            }
            List<String> lines = new ArrayList<>();
            if (!violations.isEmpty()) {
                lines.add(violations.size() + " isolation violation(s) between " + tenant.slug() + " and "
                        + peer.slug() + ":");
                violations.forEach(v -> lines.add("- " + v));
            }
            problems.forEach(p -> lines.add("- " + p));
            return new CheckOutcome.Failed(String.join("\n", lines),
                    violations.size() + " violations, " + problems.size() + " probe errors");
        }

        private List<String> backends() {
            return probes.stream().map(IsolationProbe::backend).distinct().toList();
        }
    }
}
