package io.tenantprovisioning.approval;

/** One group that must approve, and why (several reasons are joined with "; "). */
public record ApprovalStep(ApproverGroup group, String reason) {
}
