package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.FleetRotation;
import io.tenantprovisioning.application.RotationOutcome;
import io.tenantprovisioning.application.RotationReport;
import io.tenantprovisioning.application.TenantRotation;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** `rotate`'s outcome in the terminal and as JSON: one tenant, or each tenant of `rotate --all`. */
final class RotationView {

    private RotationView() {
    }

    /** `rotate --all --json`: the run, and each tenant that was due. */
    static Map<String, Object> json(FleetRotation run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("olderThanDays", run.olderThan().toDays());
        json.put("serving", run.serving());
        json.put("startedAt", run.startedAt().toString());
        json.put("elapsedMs", run.elapsed().toMillis());
        json.put("ok", run.allSucceeded());
        json.put("tenants", run.tenants().stream().map(RotationView::json).toList());
        return json;
    }

    /** One tenant: `rotate <slug> --json`'s shape, plus what was due under --all. */
    static Map<String, Object> json(TenantRotation tenant) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slug", tenant.slug());
        if (tenant instanceof TenantRotation.NotRun notRun) {
            json.put("elapsedMs", notRun.elapsed().toMillis());
            json.put("ok", false);
            json.put("notRotated", notRun.reason());
            return json;
        }
        TenantRotation.Ran ran = (TenantRotation.Ran) tenant;
        RotationReport report = ran.report();
        json.put("startedAt", report.startedAt().toString());
        json.put("elapsedMs", report.elapsed().toMillis());
        json.put("ok", !report.anyFailed());
        if (!ran.due().isEmpty()) {
            Map<String, Object> due = new LinkedHashMap<>();
            ran.due().forEach(d -> due.put(d.kind().option(), d.age().toDays()));
            json.put("dueAgeDays", due);
        }
        json.put("credentials", report.outcomes().stream().map(RotationView::outcome).toList());
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

    static void print(FleetRotation run, boolean all, PrintWriter out) {
        if (all) {
            out.printf(Locale.ROOT, "%d of %d serving tenant(s) held credentials older than %d days; %.1f s%n",
                    run.tenants().size(), run.serving(), run.olderThan().toDays(), run.elapsed().toMillis() / 1000.0);
        }
        for (TenantRotation tenant : run.tenants()) {
            if (tenant instanceof TenantRotation.NotRun notRun) {
                out.printf("tenant %s: NOT ROTATED  %s%n", notRun.slug(), notRun.reason());
            } else {
                print(((TenantRotation.Ran) tenant).report(), out);
            }
        }
        if (all) {
            long failed = run.tenants().stream().filter(t -> !t.succeeded()).count();
            out.println(failed == 0 ? "all rotated" : failed + " tenant(s) not fully rotated");
        }
    }

    private static void print(RotationReport report, PrintWriter out) {
        out.printf(Locale.ROOT, "tenant %s: %d credential%s in %.1f s%n", report.slug(), report.outcomes().size(),
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
