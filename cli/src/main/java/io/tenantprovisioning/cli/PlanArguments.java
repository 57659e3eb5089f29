package io.tenantprovisioning.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ParseResult;

/** The request flags of a parsed command, re-emitted for `plan` (simulation mode of provision). */
final class PlanArguments {

    private static final Set<String> REQUEST_FLAGS = Set.of("--name", "--tier", "--region", "--budget", "--email",
            "--classification", "--jurisdiction", "--cost-center", "--idempotency-key");

    private PlanArguments() {
    }

    static String[] of(ParseResult parsed) {
        List<String> args = new ArrayList<>();
        for (var option : parsed.matchedOptions()) {
            String name = option.longestName();
            if (REQUEST_FLAGS.contains(name)) {
                args.add(name);
                args.add(String.valueOf((Object) option.getValue()));
            } else if (name.equals("--cross-border") || name.equals("--json")) {
                if (Boolean.TRUE.equals(option.getValue())) {
                    args.add(name);
                }
            }
        }
        return args.toArray(String[]::new);
    }
}
