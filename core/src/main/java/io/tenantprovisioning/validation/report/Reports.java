package io.tenantprovisioning.validation.report;

import io.tenantprovisioning.report.HtmlPage;
import io.tenantprovisioning.validation.ValidationReport;

/** Renders a validation report in every format at once, as the CLI and the Jenkins step need it. */
public final class Reports {

    private Reports() {
    }

    public static ValidationRun toRun(ValidationReport report) {
        return new ValidationRun(report.slug(), report.passed(), report.count("PASSED"), report.results().size(),
                report.blockingFailures(), JUnitXmlReport.render(report), HtmlReport.render(report),
                HtmlPage.renderLinked(HtmlReport.page(report)),
                JsonReport.render(report), ConsoleTable.render(report));
    }
}
