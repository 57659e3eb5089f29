package io.tenantprovisioning.report;

import java.util.List;
import java.util.Objects;

/** A headed part of a page, e.g. one cost center; sections may nest. */
public record Section(String heading, List<ReportBlock> blocks) implements ReportBlock {

    public Section {
        Objects.requireNonNull(heading, "heading");
        blocks = List.copyOf(blocks);
    }
}
