package io.tenantprovisioning.jenkins;

import io.tenantprovisioning.approval.ApproverGroup;
import java.io.Serializable;
import java.util.Arrays;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * One entry of {@code approveBudget}'s {@code approverGroups}: an approver group and the Jenkins users or
 * groups (comma-separated) allowed to answer its input. A concrete class with a {@link DataBoundConstructor},
 * so structs describes a list of them (Snippet Generator, Steps Reference) and binds
 * {@code [[group: 'CFO', submitters: 'finance-approvers']]} from a pipeline; a {@code Map} it cannot describe.
 */
public final class GroupApprovers implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String group;
    private final String submitters;

    @DataBoundConstructor
    public GroupApprovers(String group, String submitters) {
        ApproverGroup known = ApproverGroup.parse(String.valueOf(group)).orElseThrow(() -> new IllegalArgumentException(
                "approverGroups: '" + group + "' is not one of " + Arrays.toString(ApproverGroup.values())));
        if (submitters == null || submitters.isBlank()) {
            throw new IllegalArgumentException("approverGroups: " + known.name() + " names no submitters");
        }
        this.group = known.name();
        this.submitters = submitters.trim();
    }

    public String getGroup() { return group; }
    public String getSubmitters() { return submitters; }
}
