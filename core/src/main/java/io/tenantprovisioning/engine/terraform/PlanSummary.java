package io.tenantprovisioning.engine.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a saved plan will do, by resource address, read from {@code show -json <plan>} (only the
 * addresses and actions: the document's values can be sensitive and are not kept).
 *
 * @param planSha256 SHA-256 (hex) of the plan file: record it with the approval and compare before
 *                   applying, so the applied plan is the approved one
 */
public record PlanSummary(List<ResourceChange> changes, String planSha256) {

    public PlanSummary {
        changes = List.copyOf(changes);
    }

    public List<String> creates() {
        return addresses(ChangeAction.CREATE);
    }

    public List<String> updates() {
        return addresses(ChangeAction.UPDATE);
    }

    public List<String> deletes() {
        return addresses(ChangeAction.DELETE);
    }

    public List<String> replaces() {
        return addresses(ChangeAction.REPLACE);
    }

    /** Changes that are none of create/update/delete/replace/no-op/read (forget, unknown action lists). */
    public List<ResourceChange> others() {
        return changes.stream().filter(c -> c.action() == ChangeAction.FORGET || c.action() == ChangeAction.OTHER)
                .collect(Collectors.toList());
    }

    public List<String> addresses(ChangeAction action) {
        return changes.stream().filter(c -> c.action() == action).map(ResourceChange::address)
                .collect(Collectors.toList());
    }

    /** True when applying the plan would change anything (reads and no-ops do not count). */
    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.action() != ChangeAction.NO_OP && c.action() != ChangeAction.READ);
    }

    /** Readable lines: one per changing resource, then the counts. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        creates().forEach(a -> lines.add("+ create  " + a));
        updates().forEach(a -> lines.add("~ update  " + a));
        replaces().forEach(a -> lines.add("-/+ replace " + a));
        deletes().forEach(a -> lines.add("- delete  " + a));
        others().forEach(c -> lines.add("* " + String.join(",", c.actions()) + " " + c.address()));
        lines.add(creates().size() + " to create, " + updates().size() + " to update, " + replaces().size()
                + " to replace, " + deletes().size() + " to delete");
        return lines;
    }

    /** From the root object of {@code show -json <planfile>}. */
    static PlanSummary fromShowJson(JsonNode root, String planSha256) {
        if (!root.path("format_version").asText("").startsWith("1.")) {
            throw new TerraformException(TerraformErrorCode.UNEXPECTED_OUTPUT, "show -json printed format_version '"
                    + root.path("format_version").asText("") + "'; this runner reads format 1.x");
        }
        List<ResourceChange> changes = new ArrayList<>();
        for (JsonNode rc : root.path("resource_changes")) {
            List<String> actions = new ArrayList<>();
            rc.path("change").path("actions").forEach(a -> actions.add(a.asText()));
            changes.add(new ResourceChange(rc.path("address").asText(), rc.path("mode").asText("managed"),
                    actions, ChangeAction.of(actions), rc.path("action_reason").asText("")));
        }
        return new PlanSummary(changes, planSha256);
    }
}
