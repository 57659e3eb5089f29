package io.tenantprovisioning.report;

/** One part of a {@link ReportPage}'s body; closed, so the renderer handles every kind. */
public sealed interface ReportBlock permits Paragraph, Table, BarChart, ColumnChart, Section {
}
