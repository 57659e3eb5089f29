package io.tenantprovisioning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The test hooks TENANTCTL_FAIL_AT and TENANTCTL_PAUSE_AT: inert unless set, exact about their step. */
class FailurePointsTest {

    @Test
    void nothingIsArmedByDefault() {
        FailurePoints points = FailurePoints.of(null, null);
        assertThat(points.armedStep()).isEmpty();
        assertThat(points.pauseAt("vector")).isZero();
        assertThatCode(() -> points.reach("vector")).doesNotThrowAnyException();
    }

    @Test
    void theArmedStepThrowsAndNoOtherDoes() {
        FailurePoints points = FailurePoints.of("redis", " ");
        assertThatCode(() -> points.reach("postgres")).doesNotThrowAnyException();
        assertThatThrownBy(() -> points.reach("redis")).isInstanceOf(FailurePoints.InjectedFailure.class)
                .hasMessageContaining("'redis'");
    }

    @Test
    void aPauseNamesItsStepAndOptionallyItsSeconds() {
        assertThat(FailurePoints.of(null, "vector").pauseAt("vector")).isEqualTo(Duration.ofSeconds(60));
        assertThat(FailurePoints.of(null, " vector:7 ").pauseAt("vector")).isEqualTo(Duration.ofSeconds(7));
        assertThat(FailurePoints.of(null, "vector:7").pauseAt("redis")).isZero();
    }

    @Test
    void aPauseThenStillFailsWhenBothNameTheStep() {
        FailurePoints points = FailurePoints.of("vector", "vector:0");
        assertThatThrownBy(() -> points.reach("vector")).isInstanceOf(FailurePoints.InjectedFailure.class);
    }

    @Test
    void aBadPauseIsRefusedClearly() {
        for (String bad : new String[] {"vector:soon", "vector:-1", "vector:"}) {
            assertThatThrownBy(() -> FailurePoints.of(null, bad)).isInstanceOf(ConfigurationException.class)
                    .hasMessage("TENANTCTL_PAUSE_AT='" + bad + "' must be <step> or <step>:<seconds>");
        }
    }
}
