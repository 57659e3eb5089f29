package io.tenantprovisioning.engine.terraform;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a plan's {@code resource_changes}.
 *
 * @param mode    {@code managed} or {@code data}
 * @param actions the raw action list, e.g. {@code ["delete","create"]}
 * @param reason  {@code action_reason} (e.g. {@code replace_because_tainted}), or "" when none
 */
public record ResourceChange(String address, String mode, List<String> actions, ChangeAction action, String reason) {

    public ResourceChange {
        Objects.requireNonNull(address, "address");
        actions = List.copyOf(actions);
        reason = Objects.requireNonNullElse(reason, "");
    }
}
