package io.tenantprovisioning.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.IdentitySource;
import io.tenantprovisioning.application.ApprovalResult;
import io.tenantprovisioning.approval.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Records one approver group's decision on a request (the answer to an {@code input}). The approver of
 * an approval must be a user Jenkins authenticated at an input of this build; the engine then refuses
 * the requester and a second group for one person, and a request that is no longer current.
 */
public final class RecordApprovalStep extends TenantStep {

    private final String requestId;
    private final String group;
    private final String approver;
    private final String decision;
    private String comment = "";
    private String planSha256 = "";

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
    public String getPlanSha256() { return planSha256; }

    @DataBoundSetter public void setComment(String comment) { this.comment = comment == null ? "" : comment; }

    /** The saved plan shown to the approver (approveBudget's planSha256): refused if the request has another by now. */
    @DataBoundSetter public void setPlanSha256(String planSha256) {
        this.planSha256 = planSha256 == null ? "" : planSha256.trim();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new TenantStepExecution<>(context, this::record);
    }

    Map<String, Object> record(StepContext context) throws Exception {
        List<String> inputSubmitters = JenkinsRecord.inputSubmitters(context.get(Run.class));
        return operations().call(context, (ops, log) -> {
            ApproverGroup approverGroup = ApproverGroup.parse(group).orElseThrow(() -> new IllegalArgumentException(
                    "group: '" + group + "' is not one of " + Arrays.toString(ApproverGroup.values())));
            Verdict verdict = parseDecision();
            Actor decider = decider(verdict, inputSubmitters);
            ApprovalResult result = ops.recordApproval(requestId, approverGroup, decider, verdict, comment, planSha256);
            log.line("[tenant-provisioning] " + approverGroup + " " + verdict + " by " + decider.describe()
                    + (planSha256.isEmpty() ? "" : " on plan " + planSha256) + ": request " + result.requestId()
                    + " is " + result.state());
            return PipelineValues.approval(result);
        });
    }

    /**
     * Who decided. An approval is recorded only for a user Jenkins authenticated at an input of this
     * build (the value {@code submitterParameter} returned is that user); a name the pipeline makes up
     * is refused. A rejection (an Abort, a timeout) leaves no such record, so its approver is taken as
     * the pipeline reports it and marked so: a forged rejection can stop a request, never provision one.
     */
    private Actor decider(Verdict verdict, List<String> inputSubmitters) throws AbortException {
        if (approver == null || approver.isBlank()) {
            throw new AbortException("approver: give the Jenkins user who answered the input (its submitterParameter)");
        }
        if (verdict == Verdict.REJECTED) {
            return new Actor(approver, IdentitySource.JENKINS_PIPELINE_REJECTION);
        }
        Actor named = new Actor(approver, IdentitySource.JENKINS_INPUT_SUBMITTER);
        return inputSubmitters.stream().filter(named::isSamePersonAs).findFirst()
                .map(id -> new Actor(id, IdentitySource.JENKINS_INPUT_SUBMITTER))
                .orElseThrow(() -> new AbortException("approver '" + approver.trim() + "' did not answer an input of "
                        + "this build (" + (inputSubmitters.isEmpty() ? "nobody did" : "answered by "
                        + String.join(", ", inputSubmitters)) + "): an approval is recorded only for the user Jenkins "
                        + "authenticated at the input (submitterParameter), never for a name the pipeline passes"));
    }

    private Verdict parseDecision() {
        try {
            return Verdict.valueOf(decision.trim().toUpperCase(Locale.ROOT));
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
