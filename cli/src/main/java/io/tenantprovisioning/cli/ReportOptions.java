package io.tenantprovisioning.cli;

import io.tenantprovisioning.validation.ValidationReport;
import io.tenantprovisioning.validation.report.HtmlReport;
import io.tenantprovisioning.validation.report.JUnitXmlReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --junit FILE and --html FILE: where to write a validation report for Jenkins and for people. */
final class ReportOptions {

    @Option(names = "--junit", paramLabel = "FILE", description = "Write the validation as JUnit XML (Jenkins' junit step).")
    Path junit;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path html;

    void write(ValidationReport report) {
        try {
            if (junit != null) {
                createParent(junit);
                Files.writeString(junit, JUnitXmlReport.render(report));
            }
            if (html != null) {
                createParent(html);
                Files.writeString(html, HtmlReport.render(report));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
