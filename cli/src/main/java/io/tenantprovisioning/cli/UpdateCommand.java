package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.application.UpdateResult;
import io.tenantprovisioning.request.ChangeDraft;
import io.tenantprovisioning.request.Slug;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "update",
        description = {"Change a serving (ACTIVE/DEGRADED) tenant in place: shows the change as a plan, routes it by",
                "what it brings (Gold adds the CTO, a budget crossing ₹10 lakh the CFO, PII/PHI Legal and",
                "Compliance, a new cross-border transfer the DPO; otherwise auto-approved), applies it, re-validates,",
                "and on any failure restores the previous configuration. Exit 3 when it waits for approval."},
        footer = {"", "Examples:",
                "  tenantctl update acme-corp --tier gold --dry-run",
                "  tenantctl update acme-corp --budget 1500000 --junit reports/acme-update.xml   # exit 3: the CFO",
                "  tenantctl approve acme-corp --group CFO --as cfo@example.com && tenantctl resume acme-corp",
                "  TENANTCTL_FAIL_AT=update-monitoring tenantctl update acme-corp --cost-center CC_X   # restored"})
final class UpdateCommand extends PlatformCommand {

    @Parameters(index = "0", paramLabel = "SLUG", description = "The tenant's slug.")
    String slug;

    @Option(names = "--tier", description = "Gold, Silver or Bronze.")
    String tier;

    @Option(names = "--budget", description = "Budget in whole rupees.")
    String budget;

    @Option(names = "--classification", description = "PUBLIC, INTERNAL, CONFIDENTIAL, PII or PHI.")
    String classification;

    @Option(names = "--jurisdiction", description = "NONE, GDPR, DPDPA, HIPAA or PCI_DSS.")
    String jurisdiction;

    @Option(names = "--cross-border", negatable = true,
            description = "Data leaves its jurisdiction (adds the DPO); --no-cross-border ends the transfer.")
    Boolean crossBorder;

    @Option(names = "--cost-center", description = "The chargeback cost center (retags every resource).")
    String costCenter;

    @Option(names = "--owner-email", description = "Who owns the tenant.")
    String ownerEmail;

    @Option(names = "--dry-run", description = "Show the change as a plan; record and change nothing.")
    boolean dryRun;

    @Mixin
    OutputOptions output;

    @Mixin
    ReportOptions reports;

    @Override
    int run(TenantPlatform platform, ConsoleProgress progress, PrintWriter out) {
        ChangeDraft draft = new ChangeDraft(tier, budget, classification, jurisdiction, crossBorder, costCenter,
                ownerEmail);
        if (dryRun) {
            return ChangeView.finish(new UpdateResult.Planned(platform.updateHandler().plan(Slug.of(slug), draft,
                    progress)),
                    reports, output.json(), out);
        }
        UpdateResult result = platform.updateHandler().update(Slug.of(slug), draft,
                Tenantctl.operator(spec).actor(), progress);
        return ChangeView.finish(result, reports, output.json(), out);
    }
}
