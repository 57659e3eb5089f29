package io.tenantprovisioning.validation.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.validation.ValidationReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlReportTest {

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element testcase(Element suite, String name) {
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            if (testcase.getAttribute("name").equals(name)) {
                return testcase;
            }
        }
        throw new AssertionError("no testcase " + name);
    }

    private static Element child(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    @Test
    void oneTestsuitePerTenantAndOneTestcasePerCheck() throws Exception {
        Element suite = parse(JUnitXmlReport.render(SampleReports.mixed("acme-corp"))).getDocumentElement();

        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("tenant-acme-corp");
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("12.345");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2025-01-31T10:15:30");
        assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(5);

        Element passed = testcase(suite, "db-connectivity");
        assertThat(passed.getAttribute("classname")).isEqualTo("tenant.acme-corp");
        assertThat(passed.getAttribute("time")).isEqualTo("0.412");
        assertThat(child(passed, "failure")).isNull();
        assertThat(child(passed, "system-out").getTextContent()).contains("figure: 4 ms");
    }

    @Test
    void failuresTimeoutsWarningsAndSkipsMapToJUnitElements() throws Exception {
        Element suite = parse(JUnitXmlReport.render(SampleReports.mixed("acme-corp"))).getDocumentElement();

        Element failed = child(testcase(suite, "cross-tenant-isolation"), "failure");
        assertThat(failed.getAttribute("type")).isEqualTo("FAILED");
        assertThat(failed.getAttribute("message"))
                .isEqualTo("1 isolation violation(s):\n- redis a→b: GET t:b:probe succeeded");
        assertThat(failed.getTextContent()).contains("FAILED (critical)", "GET t:b:probe succeeded",
                "figure: 1 violations, 0 probe errors");

        Element timedOut = child(testcase(suite, "query-performance"), "failure");
        assertThat(timedOut.getAttribute("type")).isEqualTo("TIMED_OUT");
        assertThat(timedOut.getAttribute("message")).isEqualTo("did not finish within 120 s");

        Element warning = testcase(suite, "object-storage");
        assertThat(child(warning, "failure")).isNull();
        assertThat(child(warning, "system-out").getTextContent())
                .isEqualTo("WARNING (non-critical): role \"t_a\" <script>alert('x')</script> & co\\u0001");

        Element skipped = child(testcase(suite, "metrics"), "skipped");
        assertThat(skipped.getAttribute("message")).isEqualTo("PROMETHEUS_URL is not set");
    }

    @Test
    void propertiesCarryTierAndVerdict() throws Exception {
        Element suite = parse(JUnitXmlReport.render(SampleReports.mixed("acme-corp"))).getDocumentElement();
        NodeList properties = child(suite, "properties").getElementsByTagName("property");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            all.append(p.getAttribute("name")).append('=').append(p.getAttribute("value")).append(';');
        }
        assertThat(all.toString()).isEqualTo("tenant=acme-corp;tier=Gold;verdict=FAILED;");
    }

    @Test
    void severalTenantsGoInOneTestsuitesFile(@TempDir Path temp) throws Exception {
        List<ValidationReport> reports = List.of(SampleReports.mixed("acme-corp"), SampleReports.allPassed("globex"));
        Path file = temp.resolve("reports/junit/validation.xml");

        JUnitXmlReport.write(reports, file);

        Element root = parse(Files.readString(file)).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        assertThat(((Element) suites.item(0)).getAttribute("name")).isEqualTo("tenant-acme-corp");
        Element globex = (Element) suites.item(1);
        assertThat(globex.getAttribute("name")).isEqualTo("tenant-globex");
        assertThat(testcase(globex, "jwt-auth").getAttribute("classname")).isEqualTo("tenant.globex");
        assertThat(testcase(globex, "jwt-auth").getChildNodes().getLength()).isZero();
    }

    @Test
    void theDocumentIsUtf8WithADeclaration() {
        String xml = JUnitXmlReport.render(SampleReports.allPassed("globex"));
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"");
    }
}
