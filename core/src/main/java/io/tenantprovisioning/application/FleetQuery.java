package io.tenantprovisioning.application;

/**
 * Which tenants the fleet report shows and how far back their validation trend reaches.
 *
 * @param includeFinished also the finished tenants (REJECTED, ROLLED_BACK, OFFBOARDED), which the
 *                        registry keeps for their audit trail; by default only the live fleet
 * @param trendRuns       how many of each tenant's most recent recorded runs its trend shows
 */
public record FleetQuery(boolean includeFinished, int trendRuns) {

    public static final int DEFAULT_TREND_RUNS = 10;
    /** A trend is a glance at recent history, not an archive; the runs stay in the registry. */
    public static final int MAX_TREND_RUNS = 50;

    public FleetQuery {
        if (trendRuns < 1 || trendRuns > MAX_TREND_RUNS) {
            throw new IllegalArgumentException("the trend covers 1-" + MAX_TREND_RUNS + " runs, got " + trendRuns);
        }
    }

    /** The live fleet with the default trend. */
    public static FleetQuery live() {
        return new FleetQuery(false, DEFAULT_TREND_RUNS);
    }
}
