package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.CredentialKind;
import io.tenantprovisioning.application.RotationOutcome;
import io.tenantprovisioning.application.RotationReport;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.request.Slug;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rotate",
        description = {"Rotate an ACTIVE or DEGRADED tenant's credentials: PostgreSQL and Redis passwords, the S3 access key,",
                "the JWT signing key. Each new one is proven by a real login before the old one is revoked, and the",
                "old one is proven refused after. Tokens of the previous signing key stay valid for",
                "JWT_KEY_OVERLAP_MINUTES (default 60). Exit 1 if any credential failed to rotate (it kept a working one)."},
        footer = {"", "Examples:", "  tenantctl rotate acme-corp", "  tenantctl rotate acme-corp --only db,redis --json"})
final class RotateCommand extends PlatformCommand {

    @Parameters(index = "0", paramLabel = "SLUG", description = "The tenant's slug.")
    String slug;

    @Option(names = "--only", paramLabel = "KINDS",
            description = "Comma-separated subset of db, redis, s3, jwt (default: all four).")
    String only;

    @Mixin
    OutputOptions output;

    @Override
    int run(TenantPlatform platform, ConsoleProgress progress, PrintWriter out) {
        Set<CredentialKind> kinds;
        Slug tenant;
        try {
            kinds = CredentialKind.parse(only);
            tenant = Slug.of(slug);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, e.getMessage());
        }
        Actor operator = Tenantctl.operator(spec).actor();
        RotationReport report = platform.rotation().rotate(tenant, kinds, operator.id(), progress);
        if (output.json()) {
            out.println(JsonOutput.write(json(report)));
        } else {
            print(report, out);
        }
        return report.anyFailed() ? ExitCode.FAILED : ExitCode.OK;
    }

    static Map<String, Object> json(RotationReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slug", report.slug());
        json.put("startedAt", report.startedAt().toString());
        json.put("elapsedMs", report.elapsed().toMillis());
        json.put("ok", !report.anyFailed());
        json.put("credentials", report.outcomes().stream().map(RotateCommand::outcome).toList());
        return json;
    }

    private static Map<String, Object> outcome(RotationOutcome outcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", outcome.kind().option());
        if (outcome instanceof RotationOutcome.Rotated rotated) {
            m.put("result", "ROTATED");
            m.put("now", rotated.newId());
            m.put("newProof", rotated.newProof());
            m.put("oldRefused", rotated.oldRefused());
        } else if (outcome instanceof RotationOutcome.Skipped skipped) {
            m.put("result", "SKIPPED");
            m.put("reason", skipped.reason());
        } else if (outcome instanceof RotationOutcome.Failed failed) {
            m.put("result", "FAILED");
            m.put("step", failed.step());
            m.put("reason", failed.reason());
            m.put("working", failed.working());
            m.put("proof", failed.proof());
        }
        return m;
    }

    private static void print(RotationReport report, PrintWriter out) {
        out.printf("tenant %s: %d credential%s in %.1f s%n", report.slug(), report.outcomes().size(),
                report.outcomes().size() == 1 ? "" : "s", report.elapsed().toMillis() / 1000.0);
        for (RotationOutcome outcome : report.outcomes()) {
            String kind = outcome.kind().option();
            if (outcome instanceof RotationOutcome.Rotated r) {
                out.printf("  %-5s ROTATED  now %s%n        new: %s%n        old: %s%n", kind, r.newId(), r.newProof(),
                        r.oldRefused());
            } else if (outcome instanceof RotationOutcome.Skipped s) {
                out.printf("  %-5s SKIPPED  %s%n", kind, s.reason());
            } else if (outcome instanceof RotationOutcome.Failed f) {
                out.printf("  %-5s FAILED   at %s: %s%n        working credential: %s (%s)%n", kind, f.step(),
                        f.reason(), f.working(), f.proof());
            }
        }
    }
}
