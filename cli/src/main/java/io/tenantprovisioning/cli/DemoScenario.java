package io.tenantprovisioning.cli;

import io.tenantprovisioning.progress.StepTimer;
import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApprovalStep;
import io.tenantprovisioning.approval.IdentitySource;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.application.PipelineHook;
import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.validation.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The product in one run, on the embedded defaults: three auto-approved tenants, a ₹20 lakh Gold
 * request approved by CFO and CTO, and a tenant whose isolation the demo breaks on purpose so
 * validation fails and the rollback leaves nothing. Re-runnable: earlier demo tenants are
 * offboarded (or rolled back / rejected) first.
 */
final class DemoScenario {

    static final List<DemoTenant> AUTO_APPROVED = List.of(
            new DemoTenant("Demo Acme Gold", "gold", "us-east-1", 950_000, "Gold, auto-approved", false),
            new DemoTenant("Demo Globex Silver", "silver", "eu-west-1", 800_000, "Silver, auto-approved", false),
            new DemoTenant("Demo Initech Bronze", "bronze", "ap-south-1", 300_000, "Bronze, auto-approved", false));
    static final DemoTenant NEEDS_APPROVAL = new DemoTenant("Demo Umbrella Gold", "gold", "us-west-2", 2_000_000,
            "₹20 lakh Gold: waits for CFO and CTO", false);
    /** The demo switch: this tenant's Redis ACL is widened to all keys before validation. */
    static final DemoTenant BROKEN = new DemoTenant("Demo Hooli Broken", "silver", "us-east-1", 700_000,
            "Redis ACL widened on purpose: isolation must fail", true);

    static final Map<String, String> DEMO_APPROVERS = Map.of("CFO", "cfo@demo.example", "CTO", "cto@demo.example");
    /** Asks for every demo tenant; never one of the approvers, who may not approve their own request. */
    static final Actor DEMO_REQUESTER = new Actor("tenantctl-demo", IdentitySource.DEMO);

    private final TenantPlatform platform;
    private final ProgressListener console;
    private final DemoReports reports;

    DemoScenario(TenantPlatform platform, ProgressListener console, DemoReports reports) {
        this.platform = platform;
        this.console = console;
        this.reports = reports;
    }

    static List<DemoTenant> all() {
        List<DemoTenant> all = new ArrayList<>(AUTO_APPROVED);
        all.add(NEEDS_APPROVAL);
        all.add(BROKEN);
        return all;
    }

    List<DemoRow> run() throws Exception {
        new DemoCleanup(platform, console).cleanUp(all());
        List<DemoRow> rows = new ArrayList<>();
        for (DemoTenant tenant : AUTO_APPROVED) {
            rows.add(provision(tenant, PipelineHook.NONE));
        }
        rows.add(provisionWithApproval(NEEDS_APPROVAL));
        rows.add(provision(BROKEN, platform.widenRedisAclOnPurpose(console)));
        return rows;
    }

    private DemoRow provision(DemoTenant tenant, PipelineHook hook) {
        console.event("demo", "── " + tenant.name() + ": " + tenant.story());
        StepTimer timer = new StepTimer(console);
        PipelineOutcome outcome = platform.job(hook).run(tenant.draft(), DEMO_REQUESTER,
                EngineKind.DIRECT, timer);
        return row(tenant, outcome, timer);
    }

    private DemoRow provisionWithApproval(DemoTenant tenant) {
        console.event("demo", "── " + tenant.name() + ": " + tenant.story());
        StepTimer timer = new StepTimer(console);
        PipelineOutcome first = platform.job().run(tenant.draft(), DEMO_REQUESTER,
                EngineKind.DIRECT, timer);
        if (!(first instanceof PipelineOutcome.AwaitingApproval waiting)) {
            return row(tenant, first, timer);
        }
        for (ApprovalStep step : waiting.submission().route()) {
            String approver = DEMO_APPROVERS.getOrDefault(step.group().name(), "approver@demo.example");
            var result = platform.recordApproval(waiting.submission().requestId(), step.group(),
                    new Actor(approver, IdentitySource.DEMO),
                    Verdict.APPROVED, "approved in the demo");
            timer.event("approve", step.group() + " approved by " + approver + " → " + result.state());
        }
        PipelineOutcome resumed = platform.job().resume(Slug.of(waiting.slug()),
                EngineKind.DIRECT, timer);
        return row(tenant, resumed, timer);
    }

    private DemoRow row(DemoTenant tenant, PipelineOutcome outcome, StepTimer timer) {
        Slug slug = Slug.of(outcome.slug());
        TenantRecord record = platform.ledger().require(slug);
        Optional<ValidationReport> report = OutcomeView.report(outcome);
        report.ifPresent(reports::write);
        String note = tenant.story();
        if (outcome instanceof PipelineOutcome.RolledBack rolledBack) {
            note = "rolled back: " + (rolledBack.complete() ? "sweep found 0 resources left" : "SURVIVORS "
                    + rolledBack.survivors()) + "; verified on the services: " + leftOnServices(slug);
            console.event("demo", tenant.name() + " → " + note);
        }
        String checks = report.map(r -> r.count("PASSED") + "/" + r.results().size()).orElse("-");
        return new DemoRow(slug.value(), record.tier().displayName(), record.region(), record.state().name(),
                timer.durations(), checks, record.cost().monthlyInr(), note);
    }

    private String leftOnServices(Slug slug) {
        List<String> left = platform.lookOnServices(slug);
        return left.isEmpty() ? "nothing of " + slug + " is left" : "STILL PRESENT " + left;
    }
}
