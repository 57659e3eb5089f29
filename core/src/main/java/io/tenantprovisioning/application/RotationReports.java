package io.tenantprovisioning.application;

import io.tenantprovisioning.report.Inline;
import io.tenantprovisioning.report.Line;
import io.tenantprovisioning.report.Paragraph;
import io.tenantprovisioning.report.ReportBlock;
import io.tenantprovisioning.report.ReportPage;
import io.tenantprovisioning.report.Status;
import io.tenantprovisioning.report.Table;
import io.tenantprovisioning.validation.CheckOutcome;
import io.tenantprovisioning.validation.CheckResult;
import io.tenantprovisioning.validation.ValidationReport;
import io.tenantprovisioning.validation.report.JUnitXmlReport;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A rotation run as the reports every other run has: JUnit XML through {@link JUnitXmlReport} (one suite a
 * tenant, one test case a credential: rotated passes, skipped on purpose is skipped, failed or not run
 * fails) and a page for {@link io.tenantprovisioning.report.HtmlPage}. Built only from the outcomes, which
 * name key ids, SQLSTATEs and service answers, never a secret.
 */
public final class RotationReports {

    private RotationReports() {
    }

    /** JUnit XML of the run, one {@code <testsuite name="tenant-<slug>">} per tenant. */
    public static String junit(FleetRotation run) {
        return JUnitXmlReport.render(run.tenants().stream().map(t -> suite(t, run.startedAt())).toList());
    }

    /** The page a person opens: what was due, what each credential's rotation did, and the verdict. */
    public static ReportPage page(FleetRotation run) {
        long failed = run.tenants().stream().filter(t -> !t.succeeded()).count();
        List<Line> summary = List.of(
                Line.of(new Inline.Verdict(failed == 0 ? Status.PASSED : Status.FAILED), new Inline.Plain(" "
                        + (run.tenants().size() - failed) + " of " + run.tenants().size() + " tenant(s) rotated, "
                        + failed + " not")),
                Line.plain(run.olderThan().isZero() ? "Credentials asked for, whatever their age"
                        : "Credentials older than " + run.olderThan().toDays() + " days, of " + run.serving()
                        + " ACTIVE or DEGRADED tenant(s)"),
                Line.plain("Started " + DateTimeFormatter.ISO_INSTANT.format(run.startedAt().truncatedTo(ChronoUnit.SECONDS))
                        + ", took " + seconds(run.elapsed()) + " s"));
        List<ReportBlock> blocks = new ArrayList<>();
        if (run.tenants().isEmpty()) {
            blocks.add(Paragraph.of("No credential was due: nothing was rotated."));
        } else {
            List<Table.Row> rows = new ArrayList<>();
            run.tenants().forEach(tenant -> rows.addAll(rows(tenant)));
            blocks.add(new Table(List.of("Tenant", "Credential", "Age", "Result", "Detail"), rows));
        }
        return new ReportPage("Credential rotation", "Credential rotation", summary, blocks);
    }

    private static List<Table.Row> rows(TenantRotation tenant) {
        if (tenant instanceof TenantRotation.NotRun notRun) {
            return List.of(new Table.Row(Status.FAILED, List.of(Table.Cell.text(notRun.slug()), Table.Cell.text("—"),
                    Table.Cell.text(""), status("NOT RUN"), message(notRun.reason()))));
        }
        TenantRotation.Ran ran = (TenantRotation.Ran) tenant;
        Map<CredentialKind, Duration> ages = ran.due().stream().collect(Collectors.toMap(
                TenantRotation.DueCredential::kind, TenantRotation.DueCredential::age));
        return ran.report().outcomes().stream().map(outcome -> new Table.Row(status(outcome), List.of(
                Table.Cell.text(ran.slug()), Table.Cell.text(outcome.kind().option()),
                Table.Cell.number(ages.containsKey(outcome.kind()) ? ages.get(outcome.kind()).toDays() + " d" : ""),
                status(result(outcome)), message(detail(outcome))))).toList();
    }

    /** @param runStart when the run began: a tenant not rotated has no start of its own */
    private static ValidationReport suite(TenantRotation tenant, java.time.Instant runStart) {
        if (tenant instanceof TenantRotation.NotRun notRun) {
            CheckResult refused = new CheckResult("rotate", "Rotate credentials", true,
                    new CheckOutcome.Failed("not rotated: " + notRun.reason(), null), notRun.elapsed());
            return new ValidationReport(notRun.slug(), "unknown", runStart, runStart.plus(notRun.elapsed()),
                    List.of(refused));
        }
        RotationReport report = ((TenantRotation.Ran) tenant).report();
        List<CheckResult> results = report.outcomes().stream().map(outcome -> new CheckResult(
                "rotate-" + outcome.kind().option(), "Rotate " + outcome.kind().option(),
                outcome instanceof RotationOutcome.Failed, checkOutcome(outcome), Duration.ZERO)).toList();
        return new ValidationReport(report.slug(), "unknown", report.startedAt(), report.finishedAt(), results);
    }

    private static CheckOutcome checkOutcome(RotationOutcome outcome) {
        if (outcome instanceof RotationOutcome.Rotated) {
            return new CheckOutcome.Passed(detail(outcome), null);
        } else if (outcome instanceof RotationOutcome.Skipped skipped) {
            return new CheckOutcome.Skipped(skipped.reason());
        }
        return new CheckOutcome.Failed(detail(outcome), null);
    }

    private static String result(RotationOutcome outcome) {
        if (outcome instanceof RotationOutcome.Rotated) {
            return "ROTATED";
        }
        return outcome instanceof RotationOutcome.Skipped ? "SKIPPED" : "FAILED";
    }

    private static Status status(RotationOutcome outcome) {
        if (outcome instanceof RotationOutcome.Rotated) {
            return Status.PASSED;
        }
        return outcome instanceof RotationOutcome.Skipped ? Status.SKIPPED : Status.FAILED;
    }

    /** The outcome in words: what identifies the new credential and both proofs, or why not. */
    public static String detail(RotationOutcome outcome) {
        if (outcome instanceof RotationOutcome.Rotated r) {
            return "now " + r.newId() + "\nnew: " + r.newProof() + "\nold: " + r.oldRefused();
        } else if (outcome instanceof RotationOutcome.Skipped s) {
            return s.reason();
        }
        RotationOutcome.Failed f = (RotationOutcome.Failed) outcome;
        return "at " + f.step() + ": " + f.reason() + "\nworking credential: " + f.working() + " (" + f.proof() + ")";
    }

    private static Table.Cell status(String text) {
        return Table.Cell.of(Table.Kind.STATUS, new Inline.Plain(text));
    }

    private static Table.Cell message(String text) {
        return Table.Cell.of(Table.Kind.MESSAGE, new Inline.Plain(text));
    }

    private static String seconds(Duration elapsed) {
        return String.format(java.util.Locale.ROOT, "%.1f", elapsed.toMillis() / 1000.0);
    }
}
