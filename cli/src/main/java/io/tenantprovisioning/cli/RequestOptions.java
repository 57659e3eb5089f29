package io.tenantprovisioning.cli;

import io.tenantprovisioning.request.RequestDraft;
import picocli.CommandLine.Option;

/** The request flags, identical on every command that takes a tenant request. */
public final class RequestOptions {

    @Option(names = "--name", required = true, description = "Tenant name, 3-63 characters (the slug is derived from it).")
    String name;

    @Option(names = "--tier", required = true, description = "Gold, Silver or Bronze (any case).")
    String tier;

    @Option(names = "--region", required = true, description = "Region code, e.g. us-east-1, eu-west-1, ap-south-1.")
    String region;

    @Option(names = "--budget", required = true, description = "Annual budget in whole rupees, e.g. 950000.")
    String budget;

    @Option(names = "--email", required = true, description = "Owner e-mail address.")
    String email;

    @Option(names = "--classification", defaultValue = "INTERNAL",
            description = "PUBLIC, INTERNAL, CONFIDENTIAL, PII or PHI (default: ${DEFAULT-VALUE}).")
    String classification;

    @Option(names = "--jurisdiction", defaultValue = "NONE",
            description = "NONE, GDPR, DPDPA, HIPAA or PCI_DSS (default: ${DEFAULT-VALUE}).")
    String jurisdiction;

    @Option(names = "--cross-border", description = "The data will be transferred across borders (needs the DPO).")
    boolean crossBorder;

    @Option(names = "--cost-center", description = "Cost center for chargeback (default: CC_<SLUG>).")
    String costCenter;

    @Option(names = "--idempotency-key", description = "Replaying a request with the same key returns the first outcome.")
    String idempotencyKey;

    public RequestDraft toDraft() {
        return new RequestDraft(name, tier, region, budget, email, classification, jurisdiction, crossBorder,
                costCenter, idempotencyKey);
    }
}
