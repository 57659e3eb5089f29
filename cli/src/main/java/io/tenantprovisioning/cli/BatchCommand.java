package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.BatchReport;
import io.tenantprovisioning.application.InvalidRequestFileException;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.request.RequestFile;
import io.tenantprovisioning.request.RequestRow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** `provision --from FILE`: reads the file, runs the batch handler, renders its outcome. */
final class BatchCommand {

    private BatchCommand() {
    }

    static int run(TenantPlatform platform, Path file, int parallel, boolean skipInvalid, Actor requester,
                   EngineKind engine, ConsoleProgress progress, OutputOptions output, ReportOptions reports,
                   PrintWriter out) {
        List<RequestRow> rows;
        BatchReport report;
        try {
            rows = RequestFile.read(file);
            if (rows.isEmpty()) {
                throw new CliFailure(ExitCode.INVALID_INPUT, file + " holds no request rows");
            }
            report = platform.batch().run(file.toString(), rows, parallel, skipInvalid, requester, engine, progress);
        } catch (InvalidRequestFileException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, e.getMessage() + " (--skip-invalid runs the valid rows)",
                    e.problems());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, e.getMessage());
        }
        if (reports.junit != null) {
            BatchView.writeJunit(report, reports.junit);
        }
        if (output.json()) {
            out.println(JsonOutput.write(BatchView.json(report)));
        } else {
            BatchView.print(report, out);
        }
        return BatchView.exitCode(report);
    }
}
