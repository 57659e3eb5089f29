package io.tenantprovisioning.report;

/**
 * The outcomes a page colours. The name is the CSS class, so the stylesheet of {@link HtmlPage}
 * has a colour for every value; pages map their own states onto these.
 */
public enum Status {
    PASSED, FAILED, WARNING, TIMED_OUT, SKIPPED
}
