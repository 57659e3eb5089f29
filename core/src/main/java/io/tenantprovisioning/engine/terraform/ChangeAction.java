package io.tenantprovisioning.engine.terraform;

import java.util.List;

/** What a plan does to one resource, from {@code resource_changes[].change.actions}. */
public enum ChangeAction {
    NO_OP, CREATE, READ, UPDATE, DELETE, REPLACE, FORGET,
    /** An action list this runner does not know; the raw list is kept in {@link ResourceChange#actions()}. */
    OTHER;

    /** {@code ["delete","create"]} and {@code ["create","delete"]} are both a replace. */
    static ChangeAction of(List<String> actions) {
        if (actions.size() == 2 && actions.contains("delete") && actions.contains("create")) {
            return REPLACE;
        }
        if (actions.size() != 1) {
            return OTHER;
        }
        return switch (actions.get(0)) {
            case "no-op" -> NO_OP;
            case "create" -> CREATE;
            case "read" -> READ;
            case "update" -> UPDATE;
            case "delete" -> DELETE;
            case "forget" -> FORGET;
            default -> OTHER;
        };
    }
}
