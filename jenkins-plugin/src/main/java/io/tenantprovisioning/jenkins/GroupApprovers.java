package io.tenantprovisioning.jenkins;

import io.tenantprovisioning.approval.ApproverGroup;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    /** The entries copied, refusing a group named twice (which answer would count?). */
    static List<GroupApprovers> distinct(List<GroupApprovers> entries) {
        Set<String> named = new HashSet<>();
        for (GroupApprovers entry : entries) {
            if (!named.add(entry.getGroup())) {
                throw new IllegalArgumentException("approverGroups: " + entry.getGroup() + " is named twice");
            }
        }
        return List.copyOf(entries);
    }

    /** Who may answer for an approver group: its entry, else the group {@code tenant-approvers-<group>}. */
    static String submittersFor(List<GroupApprovers> entries, String group) {
        return entries.stream().filter(e -> e.getGroup().equals(group)).map(GroupApprovers::getSubmitters)
                .findFirst().orElse("tenant-approvers-" + group.toLowerCase(Locale.ROOT));
    }
}
