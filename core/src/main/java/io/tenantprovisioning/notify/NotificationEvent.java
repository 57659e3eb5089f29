package io.tenantprovisioning.notify;

import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.request.EmailAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Something people must hear about. The records carry only what may be shown: none of them has a
 * field for a password, key or token, so no channel can leak one.
 */
public sealed interface NotificationEvent {

    String slug();

    /** Stable event name for logs and outcomes: "tenant-activated". */
    String kind();

    Audience audience();

    /** E-mail subject. */
    String subject();

    /** E-mail body, one entry per line. */
    List<String> body();

    /** One line for chat channels and the log. */
    String compact();

    /** Owner notice on ACTIVE: tier, limits, endpoints and how to get a token — never a credential. */
    record TenantActivated(String slug, EmailAddress owner, String tier, int queriesPerMinute,
                           int documentsPerMonth, Map<String, String> endpoints, String tokenInstructions)
            implements NotificationEvent {

        public TenantActivated {
            Objects.requireNonNull(owner, "owner");
            endpoints = Map.copyOf(endpoints);
            endpoints.forEach(TenantActivated::requireNoCredentials);
        }

        private static void requireNoCredentials(String name, String value) {
            URI uri;
            try {
                uri = URI.create(value);
            } catch (IllegalArgumentException e) {
                return; // not a URL (e.g. "host:port"); nothing that can carry user info
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("endpoint '" + name + "' has credentials in its URL; "
                        + "notifications never carry credentials");
            }
        }

        @Override
        public String kind() {
            return "tenant-activated";
        }

        @Override
        public Audience audience() {
            return Audience.OWNER;
        }

        @Override
        public String subject() {
            return "[tenantctl] Tenant " + slug + " is active (" + tier + ")";
        }

        @Override
        public List<String> body() {
            List<String> lines = new ArrayList<>();
            lines.add("Your tenant " + slug + " is active.");
            lines.add("");
            lines.add("Tier: " + tier);
            lines.add("Limits: " + number(queriesPerMinute) + " queries/minute, " + number(documentsPerMonth)
                    + " documents/month");
            lines.add("Endpoints:");
            endpoints.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> lines.add("  " + e.getKey() + ": " + e.getValue()));
            lines.add("");
            lines.add("Getting a token: " + tokenInstructions);
            lines.add("No password or key is ever sent by e-mail.");
            return lines;
        }

        @Override
        public String compact() {
            return slug + " is active (" + tier + ", " + number(queriesPerMinute) + " qpm, "
                    + number(documentsPerMonth) + " docs/month)";
        }
    }

    /** An approver group must decide on a request. */
    record ApprovalNeeded(String slug, ApproverGroup group, String reason, long monthlyCostInr)
            implements NotificationEvent {

        @Override
        public String kind() {
            return "approval-needed";
        }

        @Override
        public Audience audience() {
            return Audience.APPROVERS;
        }

        @Override
        public String subject() {
            return "[tenantctl] Approval needed: " + slug + " (" + group.name() + ")";
        }

        @Override
        public List<String> body() {
            return List.of("Tenant " + slug + " needs the approval of the " + group.title() + ".", "",
                    "Reason: " + reason, "Estimated cost: INR " + number(monthlyCostInr) + " per month",
                    "Approve or reject it in the provisioning job (or: tenantctl approve).");
        }

        @Override
        public String compact() {
            return "approval needed from " + group.name() + " for " + slug + ": " + reason + " (INR "
                    + number(monthlyCostInr) + "/month)";
        }
    }

    /** Provisioning failed; {@code survivors} lists resources the rollback has not removed (yet). */
    record ProvisioningFailed(String slug, String reason, List<String> survivors) implements NotificationEvent {
        public ProvisioningFailed {
            survivors = List.copyOf(survivors);
        }

        @Override
        public String kind() {
            return "provisioning-failed";
        }

        @Override
        public Audience audience() {
            return Audience.PLATFORM_TEAM;
        }

        @Override
        public String subject() {
            return "[tenantctl] Provisioning failed: " + slug;
        }

        @Override
        public List<String> body() {
            return failureBody("Provisioning of tenant " + slug + " failed.", reason, survivors);
        }

        @Override
        public String compact() {
            return "provisioning of " + slug + " failed: " + reason + survivorsSuffix(survivors);
        }
    }

    /** The rollback finished and the sweep found nothing left. */
    record RolledBack(String slug, String reason, List<String> survivors) implements NotificationEvent {
        public RolledBack {
            survivors = List.copyOf(survivors);
        }

        @Override
        public String kind() {
            return "rolled-back";
        }

        @Override
        public Audience audience() {
            return Audience.PLATFORM_TEAM;
        }

        @Override
        public String subject() {
            return "[tenantctl] Rolled back: " + slug;
        }

        @Override
        public List<String> body() {
            return failureBody("Tenant " + slug + " was rolled back.", reason, survivors);
        }

        @Override
        public String compact() {
            return slug + " rolled back: " + reason + survivorsSuffix(survivors);
        }
    }

    /** The rollback left resources behind: someone must act. */
    record RollbackIncomplete(String slug, String reason, List<String> survivors) implements NotificationEvent {
        public RollbackIncomplete {
            survivors = List.copyOf(survivors);
        }

        @Override
        public String kind() {
            return "rollback-incomplete";
        }

        @Override
        public Audience audience() {
            return Audience.PLATFORM_TEAM;
        }

        @Override
        public String subject() {
            return "[tenantctl] ROLLBACK INCOMPLETE: " + slug + " (" + survivors.size() + " resources left)";
        }

        @Override
        public List<String> body() {
            List<String> lines = failureBody("The rollback of tenant " + slug + " left resources behind.",
                    reason, survivors);
            lines.add("Resume it with: tenantctl rollback " + slug);
            return lines;
        }

        @Override
        public String compact() {
            return "ROLLBACK INCOMPLETE for " + slug + ": " + reason + survivorsSuffix(survivors);
        }
    }

    /** Re-validation found critical checks failing on an active tenant. */
    record TenantDegraded(String slug, List<String> failedChecks) implements NotificationEvent {
        public TenantDegraded {
            failedChecks = List.copyOf(failedChecks);
        }

        @Override
        public String kind() {
            return "tenant-degraded";
        }

        @Override
        public Audience audience() {
            return Audience.PLATFORM_TEAM;
        }

        @Override
        public String subject() {
            return "[tenantctl] Tenant degraded: " + slug;
        }

        @Override
        public List<String> body() {
            List<String> lines = new ArrayList<>();
            lines.add("Tenant " + slug + " is DEGRADED: these checks failed on re-validation:");
            failedChecks.forEach(c -> lines.add("- " + c));
            lines.add("Run 'tenantctl validate " + slug + "' for the full report.");
            return lines;
        }

        @Override
        public String compact() {
            return slug + " DEGRADED: " + String.join("; ", failedChecks);
        }
    }

    /** A degraded tenant passes again; {@code failedChecks} are the checks that had failed. */
    record TenantRecovered(String slug, List<String> failedChecks) implements NotificationEvent {
        public TenantRecovered {
            failedChecks = List.copyOf(failedChecks);
        }

        @Override
        public String kind() {
            return "tenant-recovered";
        }

        @Override
        public Audience audience() {
            return Audience.PLATFORM_TEAM;
        }

        @Override
        public String subject() {
            return "[tenantctl] Tenant recovered: " + slug;
        }

        @Override
        public List<String> body() {
            List<String> lines = new ArrayList<>();
            lines.add("Tenant " + slug + " passes validation again and is ACTIVE.");
            if (!failedChecks.isEmpty()) {
                lines.add("Previously failing: " + String.join(", ", failedChecks));
            }
            return lines;
        }

        @Override
        public String compact() {
            return slug + " recovered" + (failedChecks.isEmpty() ? "" : " (" + String.join(", ", failedChecks) + ")");
        }
    }

    private static List<String> failureBody(String headline, String reason, List<String> survivors) {
        List<String> lines = new ArrayList<>();
        lines.add(headline);
        lines.add("");
        lines.add("Reason: " + reason);
        if (survivors.isEmpty()) {
            lines.add("Resources left: none");
        } else {
            lines.add("Resources left (" + survivors.size() + "):");
            survivors.forEach(s -> lines.add("- " + s));
        }
        return lines;
    }

    private static String survivorsSuffix(List<String> survivors) {
        return survivors.isEmpty() ? "" : " — left: " + String.join(", ", survivors);
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
