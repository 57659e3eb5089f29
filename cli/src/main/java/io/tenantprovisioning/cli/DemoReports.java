package io.tenantprovisioning.cli;

import io.tenantprovisioning.validation.ValidationReport;
import io.tenantprovisioning.validation.report.HtmlReport;
import io.tenantprovisioning.validation.report.JUnitXmlReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes every validation report of the demo (JUnit XML + HTML per tenant, one combined JUnit file). */
final class DemoReports {

    private final Path dir;
    private final List<ValidationReport> all = new ArrayList<>();

    DemoReports(Path dir) {
        this.dir = dir;
    }

    void write(ValidationReport report) {
        all.add(report);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(report.slug() + ".xml"), JUnitXmlReport.render(report));
            Files.writeString(dir.resolve(report.slug() + ".html"), HtmlReport.render(report));
            Files.writeString(dir.resolve("junit-all.xml"), JUnitXmlReport.render(all));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write demo reports to " + dir + ": " + e.getMessage(), e);
        }
    }

    Path dir() {
        return dir;
    }
}
