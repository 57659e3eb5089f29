package io.tenantprovisioning.validation.report;

import io.tenantprovisioning.text.SafeText;
import io.tenantprovisioning.validation.CheckResult;
import io.tenantprovisioning.validation.ValidationReport;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML as Jenkins' {@code junit} step reads it: one {@code <testsuite name="tenant-<slug>">}
 * per tenant and one {@code <testcase classname="tenant.<slug>" name="<check id>">} per check.
 * FAILED and TIMED_OUT carry a {@code <failure>}, SKIPPED a {@code <skipped>}, WARNING its message in
 * {@code <system-out>}. Built with the JDK's DOM and serializer, so escaping is the XML library's job.
 *
 * <p>The mapping follows the result, not its criticality: a critical check that was SKIPPED still
 * blocks activation, so the suite's {@code verdict} property (and the CLI's exit code) is the
 * authority on whether the tenant passed.
 */
public final class JUnitXmlReport {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC);

    private JUnitXmlReport() {
    }

    /** One tenant: a document whose root is its {@code <testsuite>}. */
    public static String render(ValidationReport report) {
        Document doc = newDocument();
        doc.appendChild(testsuite(doc, report));
        return serialize(doc);
    }

    /** Several tenants in one file: {@code <testsuites>} holding one testsuite per tenant. */
    public static String render(List<ValidationReport> reports) {
        Document doc = newDocument();
        Element root = doc.createElement("testsuites");
        root.setAttribute("name", "tenant-validation");
        root.setAttribute("tests", Integer.toString(reports.stream().mapToInt(r -> r.results().size()).sum()));
        root.setAttribute("failures", Integer.toString(reports.stream().mapToInt(JUnitXmlReport::failures).sum()));
        root.setAttribute("errors", "0");
        root.setAttribute("skipped", Integer.toString(reports.stream().mapToInt(r -> r.count("SKIPPED")).sum()));
        for (ValidationReport report : reports) {
            root.appendChild(testsuite(doc, report));
        }
        doc.appendChild(root);
        return serialize(doc);
    }

    public static void write(ValidationReport report, Path file) throws IOException {
        writeText(render(report), file);
    }

    public static void write(List<ValidationReport> reports, Path file) throws IOException {
        writeText(render(reports), file);
    }

    private static Element testsuite(Document doc, ValidationReport report) {
        Element suite = doc.createElement("testsuite");
        suite.setAttribute("name", "tenant-" + report.slug());
        suite.setAttribute("tests", Integer.toString(report.results().size()));
        suite.setAttribute("failures", Integer.toString(failures(report)));
        suite.setAttribute("errors", "0");
        suite.setAttribute("skipped", Integer.toString(report.count("SKIPPED")));
        suite.setAttribute("time", ReportText.junitSeconds(report.elapsed()));
        suite.setAttribute("timestamp", TIMESTAMP.format(report.startedAt().truncatedTo(ChronoUnit.SECONDS)));
        Element properties = doc.createElement("properties");
        properties.appendChild(property(doc, "tenant", report.slug()));
        properties.appendChild(property(doc, "tier", report.tier()));
        properties.appendChild(property(doc, "verdict", report.verdict()));
        suite.appendChild(properties);
        for (CheckResult result : report.results()) {
            suite.appendChild(testcase(doc, report.slug(), result));
        }
        return suite;
    }

    private static Element testcase(Document doc, String slug, CheckResult result) {
        Element testcase = doc.createElement("testcase");
        testcase.setAttribute("classname", "tenant." + slug);
        testcase.setAttribute("name", result.checkId());
        testcase.setAttribute("time", ReportText.junitSeconds(result.elapsed()));
        String status = result.status();
        String message = SafeText.xml(result.outcome().message());
        if (status.equals("FAILED") || status.equals("TIMED_OUT")) {
            Element failure = doc.createElement("failure");
            failure.setAttribute("message", message);
            failure.setAttribute("type", status);
            failure.setTextContent(details(result, message));
            testcase.appendChild(failure);
        } else if (status.equals("SKIPPED")) {
            Element skipped = doc.createElement("skipped");
            skipped.setAttribute("message", message);
            testcase.appendChild(skipped);
        } else if (status.equals("WARNING") || ReportText.figure(result) != null) {
            Element out = doc.createElement("system-out");
            out.setTextContent(details(result, message));
            testcase.appendChild(out);
        }
        return testcase;
    }

    private static String details(CheckResult result, String message) {
        String figure = ReportText.figure(result);
        return result.status() + (result.critical() ? " (critical)" : " (non-critical)") + ": " + message
                + (figure == null ? "" : "\nfigure: " + SafeText.xml(figure));
    }

    private static Element property(Document doc, String name, String value) {
        Element property = doc.createElement("property");
        property.setAttribute("name", name);
        property.setAttribute("value", SafeText.xml(value));
        return property;
    }

    private static int failures(ValidationReport report) {
        return report.count("FAILED") + report.count("TIMED_OUT");
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document doc = factory.newDocumentBuilder().newDocument();
            doc.setXmlStandalone(true);
            return doc;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML document builder is unavailable", e);
        }
    }

    private static String serialize(Document doc) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("could not serialize the JUnit report: " + e.getMessage(), e);
        }
    }

    static void writeText(String text, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
