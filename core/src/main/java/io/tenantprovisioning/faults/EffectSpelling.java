package io.tenantprovisioning.faults;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@link FaultEffect}s; package-private so the effect types stay the public surface. */
final class EffectSpelling {
    // at most 9 digits: every such number fits an int, so parsing cannot overflow
    private static final Pattern FAIL_TIMES = Pattern.compile("fail-times:([0-9]{1,9})");
    private static final Pattern PAUSE = Pattern.compile("pause:([0-9]{1,9})(ms|s|m)");

    private EffectSpelling() {
    }

    static FaultEffect parse(String text) {
        if (text.equals("fail")) {
            return new FaultEffect.Fail();
        }
        Matcher times = FAIL_TIMES.matcher(text);
        if (times.matches()) {
            return new FaultEffect.FailTimes(positive(text, times.group(1)));
        }
        Matcher pause = PAUSE.matcher(text);
        if (pause.matches()) {
            long amount = positive(text, pause.group(1));
            return new FaultEffect.Pause(switch (pause.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            });
        }
        String problem = text.isEmpty() ? "missing fault effect" : "unknown fault effect '" + text + "'";
        throw new InvalidFaultSpecException(problem + "; valid effects: " + FaultEffect.GRAMMAR);
    }

    private static int positive(String text, String digits) {
        int n = Integer.parseInt(digits);
        if (n < 1) {
            throw new InvalidFaultSpecException("fault effect '" + text + "' needs n of at least 1; valid effects: "
                    + FaultEffect.GRAMMAR);
        }
        return n;
    }
}
