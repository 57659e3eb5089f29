package io.tenantprovisioning.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void nearestRankPercentilesOfTwentySamples() {
        List<Long> nanos = new ArrayList<>();
        for (long ms = 20; ms >= 1; ms--) {
            nanos.add(ms * 1_000_000);
        }
        LatencySummary summary = LatencySummary.of(nanos);

        assertThat(summary.p50Millis()).isEqualTo(10.0);
        assertThat(summary.p95Millis()).isEqualTo(19.0);
        assertThat(summary.maxMillis()).isEqualTo(20.0);
        assertThat(summary.figure()).isEqualTo("p50 10 ms, p95 19 ms, max 20 ms");
    }

    @Test
    void oneSampleIsEveryPercentileAndNoSampleIsAnError() {
        assertThat(LatencySummary.of(List.of(3_400_000L)).figure()).isEqualTo("p50 3 ms, p95 3 ms, max 3 ms");
        assertThatThrownBy(() -> LatencySummary.of(List.of())).hasMessage("latency summary: no samples");
    }
}
