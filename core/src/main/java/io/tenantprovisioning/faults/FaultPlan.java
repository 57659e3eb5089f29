package io.tenantprovisioning.faults;

import io.tenantprovisioning.faults.FaultPoint.Site;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The faults armed for one run: which points fail or pause, in the order they were armed. The arming is
 * immutable; each plan instance counts its own {@code fail-times} failures (thread-safe), so two plans
 * parsed from the same spec never share a count.
 *
 * <p>{@link #reach} is called by the decorators; when several armed faults match a point, each applies in
 * arming order until one fails. A disarmed plan costs one set lookup, and {@link FaultDecorators} does not
 * even wrap for it.
 */
public final class FaultPlan {

    private static final FaultPlan NONE = new FaultPlan(List.of());

    private final List<ArmedFault> armed;
    /** One counter per armed fault, same index: how often it has failed so far. */
    private final List<AtomicInteger> failures;
    private final Set<Site> armedSites;

    private FaultPlan(List<ArmedFault> armed) {
        this.armed = List.copyOf(armed);
        this.failures = armed.stream().map(a -> new AtomicInteger()).toList();
        Set<Site> sites = EnumSet.noneOf(Site.class);
        armed.forEach(a -> sites.add(a.point().site()));
        this.armedSites = Collections.unmodifiableSet(sites);
    }

    /** Arms nothing. */
    public static FaultPlan none() {
        return NONE;
    }

    public static FaultPlan of(List<ArmedFault> armed) {
        return armed.isEmpty() ? NONE : new FaultPlan(armed);
    }

    /**
     * Parses a comma-separated list of {@code site:target=effect} (grammar in the package documentation);
     * null, blank or {@code none} arms nothing. Throws {@link InvalidFaultSpecException} on anything else
     * that is not exactly that, naming the bad entry and what is valid.
     */
    public static FaultPlan parse(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equals("none")) {
            return NONE;
        }
        List<ArmedFault> armed = new ArrayList<>();
        for (String entry : spec.split(",", -1)) {
            if (entry.isBlank()) {
                throw new InvalidFaultSpecException("empty fault in '" + spec.trim()
                        + "': faults are <site>:<target>=<effect> separated by single commas");
            }
            armed.add(ArmedFault.parse(entry));
        }
        return new FaultPlan(armed);
    }

    /** A new plan (with fresh counters) that also arms {@code point}. */
    public FaultPlan arm(FaultPoint point, FaultEffect effect) {
        List<ArmedFault> more = new ArrayList<>(armed);
        more.add(new ArmedFault(point, effect));
        return new FaultPlan(more);
    }

    public List<ArmedFault> armedFaults() {
        return armed;
    }

    public boolean disarmed() {
        return armed.isEmpty();
    }

    /** Whether any armed fault sits at one of {@code sites}: decorators for other sites are not needed. */
    public boolean armsAny(Collection<Site> sites) {
        return sites.stream().anyMatch(armedSites::contains);
    }

    /** Applies every armed fault matching {@code reached}: sleeps for pauses, throws {@link InjectedFault} to fail. */
    public void reach(FaultPoint reached) {
        if (!armedSites.contains(reached.site())) {
            return;
        }
        for (int i = 0; i < armed.size(); i++) {
            ArmedFault fault = armed.get(i);
            if (fault.point().matches(reached)) {
                apply(fault, failures.get(i), reached);
            }
        }
    }

    private static void apply(ArmedFault fault, AtomicInteger failures, FaultPoint reached) {
        FaultEffect effect = fault.effect();
        sleep(effect.pause());
        // check-and-count in one step, so n concurrent reaches of fail-times:n all fail and no more do
        int before = failures.getAndUpdate(n -> effect.failsAfter(n) && n < Integer.MAX_VALUE ? n + 1 : n);
        if (effect.failsAfter(before)) {
            throw new InjectedFault(reached, fault, before + 1);
        }
    }

    private static void sleep(Duration pause) {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            // a pause only holds the run still; keep the interrupt for the caller and go on
            Thread.currentThread().interrupt();
        }
    }

    /** The canonical spec ({@code none} when disarmed): {@link #parse} of it arms the same faults. */
    @Override
    public String toString() {
        return armed.isEmpty() ? "none" : armed.stream().map(ArmedFault::toString).collect(Collectors.joining(","));
    }
}
