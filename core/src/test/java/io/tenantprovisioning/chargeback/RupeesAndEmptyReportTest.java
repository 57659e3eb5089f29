package io.tenantprovisioning.chargeback;

import io.tenantprovisioning.text.SafeText;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RupeesAndEmptyReportTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|₹0", "999|₹999", "1000|₹1,000", "75000|₹75,000", "100000|₹1,00,000", "1234567|₹12,34,567",
            "123456789|₹12,34,56,789", "-45000|-₹45,000"})
    void amountsUseIndianGrouping(long amount, String text) {
        assertThat(Rupees.format(amount)).isEqualTo(text);
    }

    @Test
    void controlCharactersBecomeVisible() {
        assertThat(SafeText.singleLine("a\u001b[31mb\nc")).isEqualTo("a\\u001B[31mb\\u000Ac");
        assertThat(SafeText.htmlSingleLine("<b>\u0007")).isEqualTo("&lt;b&gt;\\u0007");
    }

    @Test
    void anEmptyMonthRendersInEveryFormat() {
        CostReport empty = CostReport.of(YearMonth.of(1999, 1), CostReportBuilder.UTC, List.of());
        assertThat(CostReportTable.render(empty)).contains("0 billable tenants").contains("no tenant was in service");
        assertThat(CostReportHtml.render(empty)).contains("No tenant was in service in 1999-01");
        assertThat(CsvRecords.parse(CostReportCsv.render(empty))).containsExactly(CostReportCsv.HEADER);
        assertThat(CostReportJson.render(empty)).contains("\"tenants\" : [ ]").contains("\"totalMonthlyInr\" : 0");
    }
}
