package io.tenantprovisioning.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The fleet page's two additions to the model: a column chart drawn as inline SVG, and a trend of marks. */
class ColumnChartAndTrendTest {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String HOSTILE = "<script>alert('x')</script>&\"";
    private static final Pattern RECT = Pattern.compile("<rect x=\"(\\d+)\" y=\"(\\d+)\" width=\"(\\d+)\" "
            + "height=\"(\\d+)\" fill=\"#0969da\"/>");

    @Test
    void columnsAreSharesOfTheLargestValueOnOneBaseline() throws Exception {
        ColumnChart chart = new ColumnChart("Per cost center", List.of(new ColumnChart.Column("FINANCE", 200_000,
                "₹2,00,000"), new ColumnChart.Column("RESEARCH", 50_000, "₹50,000"),
                new ColumnChart.Column("REFUNDS", -5, "-₹5")));

        String html = render(chart);

        List<int[]> rects = rects(html);
        assertThat(rects).hasSize(3);
        assertThat(rects).extracting(r -> r[3]).containsExactly(160, 40, 0);
        assertThat(rects).extracting(r -> r[1] + r[3]).as("every column stands on the baseline").containsOnly(184);
        assertThat(rects).extracting(r -> r[0]).isSorted().doesNotHaveDuplicates();
        assertThat(html).contains("<figure class=\"chart columns\">\n<figcaption>Per cost center</figcaption>",
                "<title>FINANCE: ₹2,00,000</title>", ">₹50,000</text>", ">RESEARCH</text>",
                "aria-label=\"Per cost center\"", "<line x1=");
        Document document = parse(html);
        NodeList svgs = document.getElementsByTagNameNS(SVG, "svg");
        assertThat(svgs.getLength()).as("the chart is SVG in the SVG namespace").isEqualTo(1);
        assertThat(((Element) svgs.item(0)).getElementsByTagNameNS(SVG, "rect").getLength()).isEqualTo(3);
        assertThat(chart.shareOf(chart.columns().get(1))).isEqualTo(0.25);
        assertThat(new ColumnChart("none", List.of()).max()).isZero();
    }

    @Test
    void longLabelsAreShortenedUnderTheColumnAndWholeInTheTooltip() {
        String label = "CC_A_VERY_LONG_COST_CENTER_NAME";
        String html = render(new ColumnChart("c", List.of(new ColumnChart.Column(label, 1, "₹1"))));

        assertThat(html).contains("<title>" + label + ": ₹1</title>", ">CC_A_VERY…</text>");
        assertThat(ColumnSvg.shortened("ab")).isEqualTo("ab");
        assertThat(ColumnSvg.shortened("😀😀😀😀😀😀😀😀😀😀😀")).as("cut between code points")
                .isEqualTo("😀😀😀😀😀😀😀😀😀…");
    }

    @Test
    void hostileTextIsEscapedInsideTheSvgAndTheTrend() throws Exception {
        String html = HtmlPage.render(new ReportPage("t", "h", List.of(), List.of(
                new ColumnChart(HOSTILE, List.of(new ColumnChart.Column(HOSTILE, 3, HOSTILE))),
                new Paragraph(Line.of(new Inline.Trend(List.of(new Inline.Trend.Mark(Status.FAILED, HOSTILE))))))));

        assertThat(html).doesNotContain("<script", "alert('x')");
        // caption: figcaption, aria-label, svg title; column: tooltip label and value, value text; trend tooltip
        assertThat(html.split(Pattern.quote("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"), -1))
                .hasSize(1 + 7);
        parse(html);
    }

    @Test
    void aTrendIsOneMarkPerOutcomeOldestFirstReadableWithoutColour() {
        String html = HtmlPage.render(new ReportPage("t", "h", List.of(), List.of(new Paragraph(Line.of(
                new Inline.Trend(List.of(new Inline.Trend.Mark(Status.PASSED, "run 1"),
                        new Inline.Trend.Mark(Status.FAILED, "run 2"), new Inline.Trend.Mark(Status.SKIPPED, null))))))));

        assertThat(html).contains("<p><span class=\"trend\"><span class=\"mark PASSED\" title=\"run 1\">✓</span>"
                + "<span class=\"mark FAILED\" title=\"run 2\">✗</span><span class=\"mark SKIPPED\">•</span></span></p>")
                .contains(".mark.PASSED{color:", ".mark.FAILED{color:");
    }

    @Test
    void theChartFetchesNothing() {
        String html = render(new ColumnChart("c", List.of(new ColumnChart.Column("a", 1, "1"))));

        assertThat(html.replace("xmlns=\"" + SVG + "\"", "")).doesNotContain("http://", "https://", "href=", "src=",
                "url(", "<script", "<link", "@import");
    }

    private static String render(ColumnChart chart) {
        return HtmlPage.render(new ReportPage("t", "h", List.of(), List.of(chart)));
    }

    private static List<int[]> rects(String html) {
        List<int[]> rects = new ArrayList<>();
        Matcher m = RECT.matcher(html);
        while (m.find()) {
            rects.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))});
        }
        return rects;
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }
}
