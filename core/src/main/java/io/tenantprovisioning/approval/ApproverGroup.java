package io.tenantprovisioning.approval;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The groups that can approve a tenant request, in the order they are asked. */
public enum ApproverGroup {
    CFO("Chief Financial Officer"),
    CTO("Chief Technology Officer"),
    LEGAL("Legal"),
    COMPLIANCE("Compliance"),
    DPO("Data Protection Officer");

    private final String title;

    ApproverGroup(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public static Optional<ApproverGroup> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.name().equals(wanted)).findFirst();
    }
}
