package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.TenantLedger;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.chargeback.CostReport;
import io.tenantprovisioning.chargeback.CostReportCsv;
import io.tenantprovisioning.chargeback.CostReportHtml;
import io.tenantprovisioning.chargeback.CostReportJson;
import io.tenantprovisioning.chargeback.CostReportTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "cost",
        description = {"Estimated monthly cost per tenant (base × tier × region), its chargeback tags, and the "
                + "totals per cost center: the input for chargeback.",
                "A tenant counts in a month when it was in service (ACTIVE, DEGRADED or OFFBOARDING) at any "
                        + "time in that calendar month (UTC)."},
        footer = {"", "Examples:", "  tenantctl cost",
                "  tenantctl cost --month 2025-03 --csv > chargeback-2025-03.csv",
                "  tenantctl cost --month 2025-03 --html cost-2025-03.html"})
final class CostCommand implements Callable<Integer> {

    @Option(names = "--month", paramLabel = "YYYY-MM", converter = MonthConverter.class,
            description = "The calendar month to report (default: the current month, UTC).")
    YearMonth month;

    @Option(names = "--csv", description = "Print CSV (RFC 4180, one row per tenant) instead of the table.")
    boolean csv;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML report with a bar chart per cost center to FILE.")
    Path html;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // every refusal comes before the registry is opened: bad input changes and reads nothing
        if (output.json() && csv) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "--json and --csv both choose the output format; pick one");
        }
        HtmlFile.check(html, false);
        YearMonth wanted = month != null ? month : YearMonth.now(java.time.ZoneOffset.UTC);
        CostReport report;
        try (TenantLedger ledger = TenantLedger.open(SettingsLoader.load(Map.of()))) {
            report = ledger.costReport(wanted);
        } catch (RuntimeException e) {
            throw RegistryCommand.exitFor(e);
        }
        if (html != null) {
            // before stdout is written, so a failure leaves stdout holding only the error
            HtmlFile.write(html, CostReportHtml.render(report));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.print(CostReportJson.render(report));
        } else if (csv) {
            out.print(CostReportCsv.render(report));
        } else {
            out.print(CostReportTable.render(report));
            if (html != null) {
                out.println("HTML report written to " + html);
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Parses --month strictly as YYYY-MM with a message that says what is expected. */
    static final class MonthConverter implements ITypeConverter<YearMonth> {

        private static final Pattern FORM = Pattern.compile("^[0-9]{4}-[0-9]{2}$");

        @Override
        public YearMonth convert(String value) {
            String text = value == null ? "" : value.trim();
            if (FORM.matcher(text).matches()) {
                try {
                    return YearMonth.parse(text);
                } catch (DateTimeParseException e) {
                    // falls through to the message below (e.g. month 13)
                }
            }
            throw new TypeConversionException("'" + value + "' is not a month; use YYYY-MM with a month 01-12, "
                    + "e.g. 2025-03");
        }
    }
}
