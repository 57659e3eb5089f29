package io.tenantprovisioning.notify;

import java.time.Duration;

/**
 * How hard a webhook delivery tries: at most {@code maxAttempts} requests, waits doubling from
 * {@code initialBackoff} (or the server's Retry-After), and never past {@code maxTotal} overall.
 *
 * @param requestTimeout bound on one request, so a hanging server cannot stall provisioning
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxTotal, Duration requestTimeout) {

    /** 4 attempts, 1 s, 2 s, 4 s apart, 30 s overall, 10 s per request. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxTotal.isNegative() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("retry durations must not be negative and the request timeout "
                    + "must be positive");
        }
    }

    /** The wait after the given failed attempt (1-based) when the server did not say: doubles each time. */
    public Duration backoffAfter(int attempt) {
        return initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    }
}
