package io.tenantprovisioning.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tenantprovisioning.application.UpdateResult;
import io.tenantprovisioning.request.ChangeDraft;
import io.tenantprovisioning.request.Slug;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Records a change of a serving tenant (only the arguments given change) and returns its plan and the
 * approval route the change needs; applies nothing (applyTenantChange does, once it is approved).
 */
public final class RequestTenantChangeStep extends TenantStep {

    private final String tenant;
    private String tier;
    private String budget;
    private String classification;
    private String jurisdiction;
    private Boolean crossBorder;
    private String costCenter;
    private String ownerEmail;
    private List<GroupApprovers> approverGroups = List.of();

    @DataBoundConstructor
    public RequestTenantChangeStep(String tenant) {
        this.tenant = tenant;
    }

    public String getTenant() { return tenant; }
    public String getTier() { return tier; }
    public String getBudget() { return budget; }
    public String getClassification() { return classification; }
    public String getJurisdiction() { return jurisdiction; }
    public Boolean getCrossBorder() { return crossBorder; }
    public String getCostCenter() { return costCenter; }
    public String getOwnerEmail() { return ownerEmail; }
    public List<GroupApprovers> getApproverGroups() { return approverGroups; }

    // blank means "keep": a parameterized build passes every parameter, set or not
    @DataBoundSetter public void setTier(String tier) { this.tier = keep(tier); }
    @DataBoundSetter public void setBudget(String budget) { this.budget = keep(budget); }
    @DataBoundSetter public void setClassification(String c) { this.classification = keep(c); }
    @DataBoundSetter public void setJurisdiction(String j) { this.jurisdiction = keep(j); }
    @DataBoundSetter public void setCrossBorder(Boolean crossBorder) { this.crossBorder = crossBorder; }
    @DataBoundSetter public void setCostCenter(String costCenter) { this.costCenter = keep(costCenter); }
    @DataBoundSetter public void setOwnerEmail(String ownerEmail) { this.ownerEmail = keep(ownerEmail); }

    /** Approver group → Jenkins user or group allowed to answer, as for approveBudget. */
    @DataBoundSetter
    public void setApproverGroups(List<GroupApprovers> approverGroups) {
        this.approverGroups = GroupApprovers.distinct(approverGroups);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new TenantStepExecution<>(context, this::request);
    }

    Map<String, Object> request(StepContext context) throws Exception {
        BuildIdentity build = BuildIdentity.of(context.get(Run.class));
        return operations().call(context, (ops, log) -> {
            UpdateResult.AwaitingApproval change = ops.requestChange(Slug.of(tenant), new ChangeDraft(tier, budget,
                    classification, jurisdiction, crossBorder, costCenter, ownerEmail), build.requesterActor(), log);
            log.line("[tenant-provisioning] change v" + change.plan().version() + " of " + tenant + " (request "
                    + change.requestId() + "): ₹" + change.plan().costBefore().monthlyInr() + " → ₹"
                    + change.plan().costAfter().monthlyInr() + "/month, " + (change.plan().route().autoApproved()
                    ? "auto-approved" : "needs " + change.plan().route().groups()));
            return PipelineValues.change(change, group -> GroupApprovers.submittersFor(approverGroups, group));
        });
    }

    private static String keep(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Extension
    @Symbol("requestTenantChange")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "requestTenantChange";
        }

        @Override
        public String getDisplayName() {
            return "Record a change of a serving tenant and decide its approval route";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class, EnvVars.class);
        }
    }
}
