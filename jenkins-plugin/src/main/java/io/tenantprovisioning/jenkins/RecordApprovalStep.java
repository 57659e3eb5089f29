package io.tenantprovisioning.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.TaskListener;
import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.application.ApprovalResult;
import io.tenantprovisioning.application.Decision;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Records one approver group's decision on a request (the answer to an {@code input}). */
public final class RecordApprovalStep extends TenantStep {

    private final String requestId;
    private final String group;
    private final String approver;
    private final String decision;
    private String comment = "";

    @DataBoundConstructor
    public RecordApprovalStep(String requestId, String group, String approver, String decision) {
        this.requestId = requestId;
        this.group = group;
        this.approver = approver;
        this.decision = decision;
    }

    public String getRequestId() { return requestId; }
    public String getGroup() { return group; }
    public String getApprover() { return approver; }
    public String getDecision() { return decision; }
    public String getComment() { return comment; }

    @DataBoundSetter public void setComment(String comment) { this.comment = comment == null ? "" : comment; }

    @Override
    public StepExecution start(StepContext context) {
        return new TenantStepExecution<>(context, this::record);
    }

    Map<String, Object> record(StepContext context) throws Exception {
        return operations().call(context, (ops, log) -> {
            ApproverGroup approverGroup = ApproverGroup.parse(group).orElseThrow(() -> new IllegalArgumentException(
                    "group: '" + group + "' is not one of " + Arrays.toString(ApproverGroup.values())));
            // still a name the pipeline states; checking it against the input's submitter comes next
            ApprovalResult result = ops.recordApproval(requestId, approverGroup, Actor.stated(approver),
                    parseDecision(), comment);
            log.line("[tenant-provisioning] " + approverGroup + " " + decision.trim().toUpperCase(Locale.ROOT)
                    + " by " + approver + ": request " + result.requestId() + " is " + result.state());
            return PipelineValues.approval(result);
        });
    }

    private Decision parseDecision() {
        try {
            return Decision.valueOf(decision.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("decision: '" + decision + "' is not one of APPROVED, REJECTED");
        }
    }

    @Extension
    @Symbol("recordApproval")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "recordApproval";
        }

        @Override
        public String getDisplayName() {
            return "Record an approver group's decision on a tenant request";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class, EnvVars.class);
        }
    }
}
