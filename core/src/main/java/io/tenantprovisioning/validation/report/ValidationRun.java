package io.tenantprovisioning.validation.report;

import java.util.List;

/**
 * One run of the validation suite for a tenant, with its reports already rendered so a caller
 * (CLI, Jenkins step) only has to write them where it wants.
 *
 * @param blockingFailures one line per critical check that did not pass (empty = may activate)
 * @param html the self-contained page (inline stylesheet)
 * @param linkedHtml the same page linking {@code HtmlPage.STYLESHEET} beside it, no inline style (Jenkins' CSP)
 */
public record ValidationRun(
        String slug,
        boolean passed,
        int checksPassed,
        int checksTotal,
        List<String> blockingFailures,
        String junitXml,
        String html,
        String linkedHtml,
        String json,
        String consoleTable) {
    public ValidationRun {
        blockingFailures = List.copyOf(blockingFailures);
    }
}
