package io.tenantprovisioning.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tenantprovisioning.application.PlanForApproval;
import io.tenantprovisioning.application.SubmissionResult;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.request.RequestDraft;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Records a tenant request and returns its approval route and monthly cost. */
public final class ApproveBudgetStep extends TenantStep {

    private final String tenantName;
    private final String tier;
    private final String region;
    private final String budget;
    private final String ownerEmail;
    private String classification = "INTERNAL";
    private String jurisdiction = "NONE";
    private boolean crossBorder;
    private String costCenter;
    private String requestedBy;
    private List<GroupApprovers> approverGroups = List.of();
    private String engine;

    @DataBoundConstructor
    public ApproveBudgetStep(String tenantName, String tier, String region, String budget, String ownerEmail) {
        this.tenantName = tenantName;
        this.tier = tier;
        this.region = region;
        this.budget = budget;
        this.ownerEmail = ownerEmail;
    }

    public String getTenantName() { return tenantName; }
    public String getTier() { return tier; }
    public String getRegion() { return region; }
    public String getBudget() { return budget; }
    public String getOwnerEmail() { return ownerEmail; }
    public String getClassification() { return classification; }
    public String getJurisdiction() { return jurisdiction; }
    public boolean isCrossBorder() { return crossBorder; }
    public String getCostCenter() { return costCenter; }
    public String getRequestedBy() { return requestedBy; }
    public List<GroupApprovers> getApproverGroups() { return approverGroups; }
    public String getEngine() { return engine; }

    @DataBoundSetter public void setClassification(String classification) { this.classification = classification; }
    @DataBoundSetter public void setJurisdiction(String jurisdiction) { this.jurisdiction = jurisdiction; }
    @DataBoundSetter public void setCrossBorder(boolean crossBorder) { this.crossBorder = crossBorder; }
    @DataBoundSetter public void setCostCenter(String costCenter) { this.costCenter = costCenter; }
    @DataBoundSetter public void setRequestedBy(String requestedBy) { this.requestedBy = requestedBy; }

    /**
     * The engine that will provision (default: the controller's ENGINE): with terraform its plan is saved now and
     * returned (planSha256, planSummary, planText) for the approvers' input message; decisions bind to it.
     */
    @DataBoundSetter
    public void setEngine(String engine) {
        this.engine = engine == null || engine.isBlank() ? null : EngineKind.parse(engine).name();
    }

    /** Per approver group (CFO, CTO, LEGAL, COMPLIANCE, DPO), the Jenkins users or groups allowed to answer. */
    @DataBoundSetter
    public void setApproverGroups(List<GroupApprovers> approverGroups) {
        this.approverGroups = GroupApprovers.distinct(approverGroups);
    }

    /** Who may answer for an approver group: its entry, else the group {@code tenant-approvers-<group>}. */
    String submitter(String group) {
        return GroupApprovers.submittersFor(approverGroups, group);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new TenantStepExecution<>(context, this::submit);
    }

    Map<String, Object> submit(StepContext context) throws Exception {
        BuildIdentity build = BuildIdentity.of(context.get(Run.class));
        requireRequestedByIsTheBuildUser(build);
        return operations().call(context, (ops, log) -> {
            SubmissionResult result = ops.submit(new RequestDraft(tenantName, tier, region, budget, ownerEmail,
                    classification, jurisdiction, crossBorder, costCenter, build.idempotencyKey()),
                    build.requesterActor());
            log.line("[tenant-provisioning] request " + result.requestId() + " for " + result.slug() + ": ₹"
                    + result.monthlyCostInr() + "/month, " + (result.autoApproved() ? "auto-approved"
                    : "needs " + result.route().size() + " approval(s)") + (result.replayed() ? " (replayed)" : ""));
            EngineKind kind = EngineKind.parse(engine != null ? engine : operations().setting(Setting.ENGINE));
            Optional<PlanForApproval> plan = ops.planForApproval(result.requestId(), kind, log);
            plan.ifPresent(p -> log.line("[tenant-provisioning] saved plan " + p.planSha256() + " ("
                    + p.summary().get(p.summary().size() - 1) + ") is what the approvers decide on"));
            return PipelineValues.submission(result, this::submitter, kind, plan);
        });
    }

    /**
     * {@code requestedBy} may only confirm who Jenkins says started the build (the shared library
     * passes exactly that); a pipeline naming anyone else is refused before anything is recorded.
     */
    private void requireRequestedByIsTheBuildUser(BuildIdentity build) throws AbortException {
        if (requestedBy == null || requestedBy.isBlank() || build.requesterActor().isSamePersonAs(requestedBy)) {
            return;
        }
        if (build.startedByAPerson()) {
            throw new AbortException("requestedBy '" + requestedBy.trim() + "' is not the user who started this build ("
                    + build.requester() + "): the requester is the build's authenticated user, and a pipeline "
                    + "cannot name another");
        }
        throw new AbortException("requestedBy '" + requestedBy.trim() + "': no person started this build (a timer, an "
                + "SCM change or another build did), so the build itself (" + build.requester() + ") is the "
                + "requester, and a pipeline cannot name one");
    }

    @Extension
    @Symbol("approveBudget")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "approveBudget";
        }

        @Override
        public String getDisplayName() {
            return "Record a tenant request and decide its approval route";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class, EnvVars.class);
        }
    }
}
