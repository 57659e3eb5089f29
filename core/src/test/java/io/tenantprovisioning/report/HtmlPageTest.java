package io.tenantprovisioning.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.report.Table.Cell;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class HtmlPageTest {

    private static final String HOSTILE = "<script>alert('x')</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";

    @Test
    void rendersEveryBlockType() {
        ReportPage page = new ReportPage("The title", "The heading",
                List.of(Line.of(new Inline.Plain("total "), new Inline.Strong("₹1,000"), new Inline.Plain(" · "),
                        new Inline.Code("a=b"), new Inline.Plain(" · "), new Inline.Link("report", "acme.html"),
                        new Inline.Plain(" · verdict "), new Inline.Verdict(Status.PASSED))),
                List.of(Paragraph.of("Nothing to see."),
                        new Table(List.of("Name", "Amount"),
                                List.of(Table.Row.of(Cell.text("acme").withTooltip("acme-corp"), Cell.number("₹1,000"))),
                                List.of(Table.Row.of(Cell.text("Total").spanning(1), Cell.number("₹1,000")))),
                        new BarChart("Per tenant", List.of(new BarChart.Bar("acme", 1000, "₹1,000"))),
                        new Section("Part", List.of(new Section("Sub part", List.of(Paragraph.of("deep")))))));

        String html = HtmlPage.render(page);

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n").contains(
                "<title>The title</title>", "<h1>The heading</h1>",
                "<p>total <strong>₹1,000</strong> · <code>a=b</code> · <a href=\"acme.html\">report</a> · verdict "
                        + "<span class=\"verdict PASSED\">PASSED</span></p>",
                "<p>Nothing to see.</p>",
                "<thead><tr><th>Name</th><th>Amount</th></tr></thead>",
                "<tbody>\n<tr><td title=\"acme-corp\">acme</td><td class=\"num\">₹1,000</td></tr>\n</tbody>",
                "<tfoot>\n<tr><td>Total</td><td class=\"num\">₹1,000</td></tr>\n</tfoot>",
                "<figure class=\"chart\">\n<figcaption>Per tenant</figcaption>",
                "<span class=\"bar-label\" title=\"acme\">acme</span>", "style=\"width:100.0%\"",
                "<span class=\"bar-value\">₹1,000</span>",
                "<section>\n<h2>Part</h2>\n<section>\n<h3>Sub part</h3>\n<p>deep</p>\n</section>\n</section>");
    }

    @Test
    void hostileTextIsEscapedInEveryBlockType() throws Exception {
        ReportPage page = new ReportPage(HOSTILE, HOSTILE,
                List.of(Line.of(new Inline.Plain(HOSTILE), new Inline.Strong(HOSTILE), new Inline.Code(HOSTILE),
                        new Inline.Link(HOSTILE, "x.html?q=" + HOSTILE))),
                List.of(new Paragraph(Line.plain(HOSTILE)),
                        new Table(List.of(HOSTILE),
                                List.of(Table.Row.of(Cell.text(HOSTILE).withTooltip(HOSTILE)),
                                        Table.Row.of(Cell.of(Table.Kind.MESSAGE, new Inline.Plain(HOSTILE))),
                                        Table.Row.of(new Cell(List.of(Line.plain(HOSTILE), Line.plain(HOSTILE)),
                                                Table.Kind.TEXT, null, 1))),
                                List.of(Table.Row.of(Cell.number(HOSTILE)))),
                        new BarChart(HOSTILE, List.of(new BarChart.Bar(HOSTILE, 1, HOSTILE))),
                        new Section(HOSTILE, List.of())));

        String html = HtmlPage.render(page);

        assertThat(html).doesNotContain("<script", "alert('x')");
        // title, h1, 4 summary parts and the link target, paragraph, header, cell and its tooltip, message,
        // two listed lines, footer, caption, bar label (text and title) and value, section heading
        assertThat(html.split(Pattern.quote(ESCAPED), -1)).hasSize(1 + 20);
        assertWellFormed(html);
    }

    @Test
    void aRowIsColouredByItsStatusAndEveryStatusHasAColour() {
        List<Table.Row> rows = Arrays.stream(Status.values())
                .map(s -> new Table.Row(s, List.of(Cell.of(Table.Kind.STATUS, new Inline.Plain(s.name())))))
                .toList();
        String html = HtmlPage.render(new ReportPage("t", "h", List.of(),
                List.of(new Table(List.of("Result"), rows), new Table(List.of("Plain"), List.of(Table.Row.of(
                        Cell.text("no status")))))));

        for (Status status : Status.values()) {
            assertThat(html).contains("<tr class=\"" + status + "\"><td class=\"result\">" + status + "</td></tr>")
                    .contains("tr." + status + " .result{color:").contains(".verdict." + status + "{background:");
        }
        assertThat(html).contains("<tr><td>no status</td></tr>")
                .contains("tr.FAILED,tr.TIMED_OUT{background:#ffebe9}tr.WARNING{background:#fff8c5}");
    }

    @Test
    void onlyMessageCellsKeepLineBreaks() {
        String text = "first\nsecond\u0001";
        String html = HtmlPage.render(new ReportPage("t", "h", List.of(), List.of(new Table(List.of("a", "b"),
                List.of(Table.Row.of(Cell.of(Table.Kind.MESSAGE, new Inline.Plain(text)), Cell.text(text)))))));

        assertThat(html).contains("<td class=\"message\">first\nsecond\\u0001</td><td>first\\u000Asecond\\u0001</td>");
    }

    @Test
    void cellKindsHaveTheirClassesAndNullTextShowsAsNothing() {
        String html = HtmlPage.render(new ReportPage("t", "h", List.of(), List.of(new Table(List.of(), List.of(
                Table.Row.of(Cell.of(Table.Kind.DURATION, new Inline.Plain("0.4 s")), Cell.text(null).spanning(3),
                        new Cell(List.of(), Table.Kind.TEXT, null, 1)))))));

        assertThat(html).contains("<tr><td class=\"time\">0.4 s</td><td colspan=\"3\"></td><td></td></tr>");
    }

    @Test
    void barsAreSharesOfTheLargestValue() {
        BarChart chart = new BarChart("c", List.of(new BarChart.Bar("a", 200, "200"), new BarChart.Bar("b", 50, "50"),
                new BarChart.Bar("c", -5, "-5")));
        assertThat(chart.max()).isEqualTo(200);
        assertThat(HtmlPage.render(new ReportPage("t", "h", List.of(), List.of(chart))))
                .contains("width:100.0%", "width:25.0%", "width:0.0%");
        assertThat(new BarChart("none", List.of(new BarChart.Bar("z", 0, "0"))).percentOf(new BarChart.Bar("z", 0, "0")))
                .isZero();
    }

    @Test
    void linksAreRelativeOrWebOnly() {
        assertThat(new Inline.Link("a", "acme.html").href()).isEqualTo("acme.html");
        assertThat(new Inline.Link("a", "https://example.com/x").href()).startsWith("https:");
        assertThat(new Inline.Link("a", "dir/a:b.html").href()).isEqualTo("dir/a:b.html");
        for (String href : List.of("javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:x", "data:text/html,x",
                "vbscript:x")) {
            assertThatThrownBy(() -> new Inline.Link("a", href)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void pagesAreSelfContainedWellFormedAndImmutable() throws Exception {
        List<ReportBlock> blocks = new ArrayList<>(List.of(Paragraph.of("p")));
        ReportPage page = new ReportPage("t", "h", List.of(), blocks);
        blocks.clear();
        String html = HtmlPage.render(page);

        assertThat(page.blocks()).hasSize(1);
        assertThat(html).contains("<style>").doesNotContain("<link", "src=", "href=", "url(", "@import", "http://",
                "https://", "<script");
        assertWellFormed(html);
    }

    /**
     * Jenkins serves archived files under a Content-Security-Policy with {@code style-src 'self'}: a style block
     * or attribute is dropped, a stylesheet file beside the page is loaded.
     */
    @Test
    void aLinkedPageHasNoInlineStyleAndItsStylesheetCoversTheBars() throws Exception {
        ReportPage page = new ReportPage("t", "h", List.of(Line.plain("summary")),
                List.of(new BarChart("Per tenant", List.of(new BarChart.Bar("acme", 1000, "₹1,000"),
                                new BarChart.Bar("hooli", 250, "₹250"))),
                        new ColumnChart("Per month", List.of(new ColumnChart.Column("2026-11", 10, "₹10"))),
                        new Table(List.of("a"), List.of(Table.Row.of(Cell.text("x"))))));

        String html = HtmlPage.renderLinked(page);

        assertThat(html).contains("<link rel=\"stylesheet\" href=\"" + HtmlPage.STYLESHEET + "\"/>",
                "<span class=\"bar w100\">", "<span class=\"bar w25\">");
        assertThat(Pattern.compile("(?i)<style|\\sstyle\\s*=").matcher(html).find()).as(html).isFalse();
        assertThat(HtmlPage.stylesheet()).startsWith(HtmlPage.CSS).contains(".bar.w25{width:25%}",
                ".bar.w100{width:100%}");
        assertWellFormed(html);
        assertThat(Pattern.compile("\\sstyle\\s*=").matcher(HtmlPage.render(page)).find())
                .as("the self-contained page still sizes bars inline").isTrue();
    }

    private static void assertWellFormed(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("html");
    }
}
