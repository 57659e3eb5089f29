package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.ExportSummary;
import io.tenantprovisioning.application.OffboardingResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** An offboarding as text (export, state, sweep, what was kept) or as JSON. */
final class OffboardView {

    private OffboardView() {
    }

    static void print(OffboardingResult result, PrintWriter out) {
        result.export().ifPresent(e -> out.printf("exported to %s: %d tables (%d rows), %d objects (%d bytes)%n",
                e.directory(), e.rowsPerTable().size(), e.rowsPerTable().values().stream().mapToLong(Long::longValue)
                        .sum(), e.objects(), e.objectBytes()));
        out.printf("tenant %s is %s%n", result.teardown().slug(), result.teardown().state());
        result.teardown().compensationErrors().forEach(e -> out.println("  destroy error: " + e));
        if (result.complete()) {
            out.println("sweep: nothing of the tenant is left");
        } else {
            out.println("sweep: " + result.teardown().sweep().survivors().size() + " resources survive:");
            result.teardown().sweep().survivors().forEach(s -> out.println("  - " + s));
            result.teardown().sweep().errors().forEach(e -> out.println("  error: " + e));
            out.println("run `tenantctl offboard " + result.teardown().slug() + " --yes` again once they can go");
        }
        out.printf("kept: the registry row, %d approvals, %d audit rows%n", result.keptApprovals(),
                result.keptAuditRows());
    }

    static Map<String, Object> toJson(OffboardingResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slug", result.teardown().slug());
        json.put("state", result.teardown().state().name());
        json.put("complete", result.complete());
        json.put("survivors", result.teardown().sweep().survivors());
        json.put("sweepErrors", result.teardown().sweep().errors());
        json.put("destroyErrors", result.teardown().compensationErrors());
        json.put("export", result.export().map(OffboardView::export).orElse(null));
        json.put("keptApprovals", result.keptApprovals());
        json.put("keptAuditRows", result.keptAuditRows());
        return json;
    }

    private static Map<String, Object> export(ExportSummary export) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("directory", export.directory().toString());
        json.put("rowsPerTable", export.rowsPerTable());
        json.put("rowsInSchema", export.rowsInSchema());
        json.put("objects", export.objects());
        json.put("objectBytes", export.objectBytes());
        return json;
    }
}
