package io.tenantprovisioning.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The fleet bench's options: {@code --existing 10,100,1000} (registry sizes to provision at),
 * {@code --provision-runs 5} (per size), {@code --list-runs 10}, {@code --rollback-runs 5},
 * {@code --parallel-tenants 50} (provisioned 4 at a time, then re-validated 4 at a time), {@code --out FILE}.
 */
record FleetOptions(List<Integer> existing, int provisionRuns, int listRuns, int rollbackRuns, int parallelTenants,
                    Path out) {

    static FleetOptions parse(String[] args) {
        List<Integer> existing = List.of(10, 100, 1000);
        int provisionRuns = 5;
        int listRuns = 10;
        int rollbackRuns = 5;
        int parallel = 50;
        Path out = Path.of("bench/results/fleet.md");
        for (int i = 0; i + 1 < args.length; i += 2) {
            String option = args[i];
            String value = args[i + 1];
            switch (option) {
                case "--existing" -> existing = Arrays.stream(value.split(",")).map(v -> positive(option, v)).toList();
                case "--provision-runs" -> provisionRuns = positive(option, value);
                case "--list-runs" -> listRuns = positive(option, value);
                case "--rollback-runs" -> rollbackRuns = positive(option, value);
                case "--parallel-tenants" -> parallel = positive(option, value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("option " + args[args.length - 1] + " has no value");
        }
        return new FleetOptions(existing, provisionRuns, listRuns, rollbackRuns, parallel, out);
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs whole numbers >= 1, got '" + value + "'");
    }
}
