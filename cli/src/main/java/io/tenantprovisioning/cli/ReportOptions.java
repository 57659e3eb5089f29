package io.tenantprovisioning.cli;

import io.tenantprovisioning.report.HtmlPage;
import io.tenantprovisioning.report.ReportPage;
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

    /**
     * A report of another run (rotation): its JUnit XML as given, and its page self-contained, or linking
     * {@link HtmlPage#STYLESHEET} written beside it (for Jenkins, whose CSP drops inline styles).
     */
    void write(String junitXml, ReportPage page, boolean stylesheetBeside) {
        try {
            if (junit != null) {
                createParent(junit);
                Files.writeString(junit, junitXml);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
        }
        if (html != null && stylesheetBeside) {
            HtmlFile.write(html, HtmlPage.renderLinked(page));
            HtmlFile.write(html.toAbsolutePath().resolveSibling(HtmlPage.STYLESHEET), HtmlPage.stylesheet());
        } else if (html != null) {
            HtmlFile.write(html, HtmlPage.render(page));
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
