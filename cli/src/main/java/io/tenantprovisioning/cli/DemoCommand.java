package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.TenantPlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo",
        description = {"Show the whole product on the embedded defaults (local PostgreSQL and Redis, filesystem",
                "object store, Lucene vectors, direct engine): three auto-approved tenants (Gold, Silver, Bronze),",
                "a ₹20 lakh Gold request approved by CFO and CTO, and a tenant whose Redis ACL the demo widens on",
                "purpose so validation fails and it is rolled back to zero resources. Re-runnable."},
        footer = {"", "Example:", "  bin/tenantctl demo            # brings up local services, builds, runs",
                "  open demo-output/summary.html"})
final class DemoCommand extends PlatformCommand {

    @Option(names = "--output", defaultValue = "demo-output", paramLabel = "DIR",
            description = "Where reports and the summary go (default: ${DEFAULT-VALUE}).")
    Path output;

    @Mixin
    OutputOptions json;

    @Override
    int run(TenantPlatform platform, ConsoleProgress progress, PrintWriter out) {
        List<DemoRow> rows;
        try {
            rows = new DemoScenario(platform, progress, new DemoReports(output)).run();
        } catch (Exception e) {
            throw new CliFailure(ExitCode.FAILED, "demo stopped: " + e.getMessage());
        }
        String table = table(rows);
        write("summary.txt", table);
        write("summary.html", DemoSummaryPage.render(rows));
        write("summary.json", JsonOutput.write(rows.stream().map(DemoCommand::toJson).toList()));
        if (json.json()) {
            out.println(JsonOutput.write(rows.stream().map(DemoCommand::toJson).toList()));
        } else {
            out.println(table);
            out.println("reports: " + output.toAbsolutePath() + " (JUnit XML and HTML per tenant, summary.html)");
        }
        return expected(rows) ? ExitCode.OK : ExitCode.FAILED;
    }

    /** Four tenants ACTIVE and the sabotaged one ROLLED_BACK: anything else means the demo found a problem. */
    static boolean expected(List<DemoRow> rows) {
        long active = rows.stream().filter(r -> r.state().equals("ACTIVE")).count();
        DemoRow broken = rows.get(rows.size() - 1);
        return active == rows.size() - 1 && broken.state().equals("ROLLED_BACK");
    }

    static String table(List<DemoRow> rows) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        String format = "%-22s %-7s %-11s %-12s %-9s %-9s %-9s %-9s %-7s %12s%n";
        w.printf(format, "TENANT", "TIER", "REGION", "STATE", "APPROVE", "PROVISION", "VALIDATE", "ROLLBACK",
                "CHECKS", "MONTHLY ₹");
        for (DemoRow r : rows) {
            w.printf(format, r.slug(), r.tier(), r.region(), r.state(), secs(r, "approve"), secs(r, "provision"),
                    secs(r, "validate"), secs(r, "rollback"), r.checks(), String.format("%,d", r.monthlyCostInr()));
        }
        rows.stream().filter(r -> r.note().startsWith("rolled back")).forEach(r -> w.println(r.slug() + ": " + r.note()));
        w.flush();
        return text.toString();
    }

    private static String secs(DemoRow row, String step) {
        Duration d = row.stepTimes().get(step);
        return d == null ? "-" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static Map<String, Object> toJson(DemoRow r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slug", r.slug());
        json.put("tier", r.tier());
        json.put("region", r.region());
        json.put("state", r.state());
        Map<String, Long> steps = new LinkedHashMap<>();
        r.stepTimes().forEach((step, d) -> steps.put(step, d.toMillis()));
        json.put("stepMillis", steps);
        json.put("checks", r.checks());
        json.put("monthlyCostInr", r.monthlyCostInr());
        json.put("note", r.note());
        return json;
    }

    private void write(String file, String content) {
        try {
            Files.createDirectories(output);
            Files.writeString(output.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output.resolve(file), e);
        }
    }
}
