package io.tenantprovisioning.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.faults.FaultPoint.Site;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Any text either parses to a plan or is rejected with InvalidFaultSpecException; valid plans round-trip. */
class FaultSpecPropertyTest {

    @Property(tries = 3000)
    void anyTextParsesOrIsRejectedWithTheDocumentedException(@ForAll("specLike") String spec) {
        try {
            FaultPlan plan = FaultPlan.parse(spec);
            assertThat(FaultPlan.parse(plan.toString()).armedFaults()).isEqualTo(plan.armedFaults());
            Statistics.label("outcome").collect("parsed");
        } catch (InvalidFaultSpecException e) {
            assertThat(e.getMessage()).isNotBlank().containsAnyOf("valid", "empty fault", "must be");
            Statistics.label("outcome").collect("rejected");
        }
    }

    @Property(tries = 500)
    void everyWellFormedPlanRoundTrips(@ForAll("armedLists") List<ArmedFault> armed) {
        FaultPlan plan = FaultPlan.of(armed);
        assertThat(FaultPlan.parse(plan.toString()).armedFaults()).isEqualTo(armed);
    }

    @Provide
    Arbitrary<String> specLike() {
        Arbitrary<String> fragments = Arbitraries.of("driver-create", "driver-destroy", "vault-delete-all",
                "process-launch", "lifecycle-transition", ":", "=", ",", "*", "redis", "apply", "ACTIVE", "fail",
                "fail-times:", "pause:", "ms", "s", "m", "0", "1", "99999999999", " ", "-", "none", "é", "\n");
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                fragments.list().ofMaxSize(12).map(parts -> String.join("", parts)),
                nearMisses());
    }

    /** Valid specs with one character deleted, doubled or replaced: the typos a test author makes. */
    private Arbitrary<String> nearMisses() {
        Arbitrary<String> valid = armedLists().map(armed -> FaultPlan.of(armed).toString());
        return Combinators.combine(valid, Arbitraries.integers().between(0, 1000), Arbitraries.of(0, 1, 2),
                Arbitraries.chars().with(':', '=', ',', '*', '-', 'x', 'A', ' ', '0')).as((spec, at, edit, c) -> {
                    int i = at % spec.length();
                    return switch (edit) {
                        case 0 -> spec.substring(0, i) + spec.substring(i + 1);
                        case 1 -> spec.substring(0, i) + spec.charAt(i) + spec.substring(i);
                        default -> spec.substring(0, i) + c + spec.substring(i + 1);
                    };
                });
    }

    @Provide
    Arbitrary<List<ArmedFault>> armedLists() {
        Arbitrary<FaultPoint> points = Arbitraries.of(Site.class).flatMap(site -> {
            List<String> targets = new ArrayList<>(site.targets().targets());
            targets.add(FaultPoint.ANY);
            return Arbitraries.of(targets).map(target -> new FaultPoint(site, target));
        });
        Arbitrary<FaultEffect> effects = Arbitraries.oneOf(
                Arbitraries.just(FaultEffect.fail()),
                Arbitraries.integers().between(1, 1_000_000).map(FaultEffect::failTimes),
                Arbitraries.longs().between(1, 10_000_000).map(ms -> FaultEffect.pause(Duration.ofMillis(ms))));
        return Combinators.combine(points, effects).as(ArmedFault::new).list().ofMinSize(1).ofMaxSize(6);
    }
}
