package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.CredentialKind;
import io.tenantprovisioning.application.FleetRotation;
import io.tenantprovisioning.application.Revalidation;
import io.tenantprovisioning.application.RotationReports;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.request.Slug;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rotate",
        description = {"Rotate an ACTIVE or DEGRADED tenant's credentials: PostgreSQL and Redis passwords, the S3 access key,",
                "the JWT signing key. Each new one is proven by a real login before the old one is revoked, and the",
                "old one is proven refused after. Tokens of the previous signing key stay valid for",
                "JWT_KEY_OVERLAP_MINUTES (default 60). With --all: every ACTIVE or DEGRADED tenant's credentials older",
                "than --older-than DAYS, --parallel N at a time (default 1); one tenant's failure does not stop the others.",
                "Exit 1 if any credential failed to rotate (it kept a working one) or a tenant was not rotated;",
                "2 when a terraform-engine tenant is asked for db or s3 (Terraform owns them; nothing is rotated)."},
        footer = {"", "Examples:", "  tenantctl rotate acme-corp", "  tenantctl rotate acme-corp --only db,redis --json",
                "  tenantctl rotate --all --older-than 60 --junit reports/rotation.xml --html reports/rotation.html",
                "  tenantctl rotate --all --older-than 60 --parallel 4"})
final class RotateCommand extends PlatformCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SLUG", description = "The tenant's slug (or --all).")
    String slug;

    @Option(names = "--all", description = "Every ACTIVE or DEGRADED tenant whose credentials are older than --older-than.")
    boolean all;

    @Option(names = "--older-than", paramLabel = "DAYS",
            description = "With --all: rotate the credentials in use longer than DAYS (default: CREDENTIAL_MAX_AGE_DAYS, 90).")
    Integer olderThanDays;

    @Option(names = "--parallel", paramLabel = "N",
            description = "With --all: rotate N tenants at a time, 1-64 (default 1); each holds its own run lock.")
    Integer parallel;

    @Option(names = "--only", paramLabel = "KINDS",
            description = "Comma-separated subset of db, redis, s3, jwt (default: all four).")
    String only;

    @Option(names = "--stylesheet-beside",
            description = "With --html: link the stylesheet, written beside FILE, instead of inlining it (for Jenkins).")
    boolean stylesheetBeside;

    @Mixin
    ReportOptions reports;

    @Mixin
    OutputOptions output;

    @Override
    int run(TenantPlatform platform, ConsoleProgress progress, PrintWriter out) {
        Set<CredentialKind> kinds = kinds();
        Actor operator = Tenantctl.operator(spec).actor();
        FleetRotation run;
        if (all) {
            int days = olderThanDays != null ? olderThanDays
                    : platform.settings().integer(Setting.CREDENTIAL_MAX_AGE_DAYS);
            run = platform.rotation().rotateDue(Duration.ofDays(days), kinds, parallel == null ? 1 : parallel,
                    operator.id(), progress);
        } else {
            run = FleetRotation.of(platform.rotation().rotate(Slug.of(slug), kinds, operator.id(), progress));
        }
        reports.write(RotationReports.junit(run), RotationReports.page(run), stylesheetBeside);
        if (output.json()) {
            out.println(JsonOutput.write(all ? RotationView.json(run) : RotationView.json(run.tenants().get(0))));
        } else {
            RotationView.print(run, all, out);
        }
        return run.allSucceeded() ? ExitCode.OK : ExitCode.FAILED;
    }

    /** Every refusal of the input comes before the platform touches anything. */
    private Set<CredentialKind> kinds() {
        if (all == (slug != null)) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "name one tenant's SLUG or give --all, not "
                    + (all ? "both" : "neither"));
        }
        if (olderThanDays != null && (!all || olderThanDays < 0)) {
            throw new CliFailure(ExitCode.INVALID_INPUT, all ? "--older-than takes a number of days, 0 or more: "
                    + olderThanDays : "--older-than goes with --all (a named tenant is rotated whatever its age)");
        }
        if (parallel != null && (!all || parallel < 1 || parallel > Revalidation.MAX_PARALLELISM)) {
            throw new CliFailure(ExitCode.INVALID_INPUT, all ? "--parallel must be 1-" + Revalidation.MAX_PARALLELISM
                    + ", got " + parallel : "--parallel goes with --all (one tenant's credentials rotate one by one)");
        }
        if (stylesheetBeside && reports.html == null) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "--stylesheet-beside needs --html FILE");
        }
        HtmlFile.check(reports.html, true);
        try {
            if (slug != null) {
                Slug.of(slug);
            }
            return CredentialKind.parse(only);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, e.getMessage());
        }
    }
}
