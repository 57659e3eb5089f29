package io.tenantprovisioning.engine.terraform;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One message of the machine-readable UI ({@code plan|apply|destroy -json}), typed. Each knows how to
 * say itself as one readable log line. None holds an output value: the {@code outputs} message
 * carries sensitive values in clear, so {@link Outputs} keeps names and the sensitive flag only.
 */
public sealed interface UiEvent {

    /** The message's {@code type}, e.g. {@code apply_complete}. */
    String type();

    /** The readable line for the log. */
    String describe();

    /** Always first: which binary and UI version produced the stream. */
    record Version(String product, String version, String uiVersion) implements UiEvent {
        public String type() {
            return "version";
        }

        public String describe() {
            return product + " " + version + " (machine-readable UI " + uiVersion + ")";
        }
    }

    /** {@code planned_change}: what the plan will do to one resource. */
    record PlannedChange(String address, String action, String reason, String previousAddress) implements UiEvent {
        public String type() {
            return "planned_change";
        }

        public String describe() {
            String line = symbol(action) + " " + action + " " + address;
            if (!previousAddress.isEmpty() && !previousAddress.equals(address)) {
                line += " (from " + previousAddress + ")";
            }
            // reasons look like "cannot_update" or "delete_because_count_index"
            String why = reason.replaceFirst("^(delete|replace)_because_", "").replace('_', ' ');
            return reason.isEmpty() ? line : line + " (because " + why + ")";
        }
    }

    /** {@code resource_drift}: a resource changed outside Terraform. */
    record ResourceDrift(String address, String action) implements UiEvent {
        public String type() {
            return "resource_drift";
        }

        public String describe() {
            return "drift: " + address + " was " + (action.equals("delete") ? "deleted" : "changed")
                    + " outside OpenTofu/Terraform";
        }
    }

    /** The four {@code apply_*} hook messages. */
    record ApplyHook(Phase phase, String address, String action, double elapsedSeconds, String idKey, String idValue)
            implements UiEvent {

        public enum Phase { START, PROGRESS, COMPLETE, ERRORED }

        public String type() {
            return "apply_" + phase.name().toLowerCase(Locale.ROOT);
        }

        public String describe() {
            String id = idValue.isEmpty() ? "" : " [" + idKey + "=" + idValue + "]";
            String seconds = seconds(elapsedSeconds);
            return switch (phase) {
                case START -> address + ": " + action + " started" + id;
                case PROGRESS -> address + ": still " + action + " (" + seconds + " elapsed)";
                case COMPLETE -> address + ": " + action + " complete after " + seconds + id;
                case ERRORED -> address + ": " + action + " FAILED after " + seconds;
            };
        }
    }

    /** {@code provision_*}: a provisioner (local-exec) started, printed, finished or failed. */
    record Provision(String type, String address, String provisioner, String output) implements UiEvent {
        public String describe() {
            String phase = type.substring("provision_".length());
            return switch (phase) {
                case "progress" -> address + ": " + provisioner + ": " + output;
                case "errored" -> address + ": provisioner " + provisioner + " FAILED";
                default -> address + ": provisioner " + provisioner + " " + phase;
            };
        }
    }

    /** {@code refresh_start} / {@code refresh_complete}. */
    record Refresh(String type, String address, String idKey, String idValue) implements UiEvent {
        public String describe() {
            String id = idValue.isEmpty() ? "" : " [" + idKey + "=" + idValue + "]";
            return address + ": " + (type.endsWith("start") ? "refreshing state" : "refreshed") + id;
        }
    }

    /** {@code change_summary}: counts for a plan, apply or destroy. */
    record ChangeSummary(String operation, int add, int change, int remove, int imported, int forget)
            implements UiEvent {
        public String type() {
            return "change_summary";
        }

        public String describe() {
            boolean plan = operation.equals("plan");
            String line = plan
                    ? "plan: " + add + " to add, " + change + " to change, " + remove + " to destroy"
                    : operation + " complete: " + add + " added, " + change + " changed, " + remove + " destroyed";
            if (imported > 0) {
                line += ", " + imported + (plan ? " to import" : " imported");
            }
            if (forget > 0) {
                line += ", " + forget + (plan ? " to forget" : " forgotten");
            }
            return line;
        }
    }

    /** {@code outputs}: names and sensitivity only; the values are deliberately not kept. */
    record Outputs(Map<String, Boolean> sensitiveByName) implements UiEvent {
        public Outputs {
            sensitiveByName = Map.copyOf(sensitiveByName);
        }

        public String type() {
            return "outputs";
        }

        public String describe() {
            if (sensitiveByName.isEmpty()) {
                return "outputs: none";
            }
            return "outputs: " + sensitiveByName.keySet().stream().sorted()
                    .map(n -> Boolean.TRUE.equals(sensitiveByName.get(n)) ? n + " (sensitive)" : n)
                    .collect(Collectors.joining(", "));
        }
    }

    /** {@code diagnostic}: an error or warning. */
    record DiagnosticEvent(Diagnostic diagnostic) implements UiEvent {
        public String type() {
            return "diagnostic";
        }

        public String describe() {
            return diagnostic.describe();
        }
    }

    /** Any other type ({@code log}, {@code init_output}, future types): its {@code @message}. */
    record Other(String type, String message) implements UiEvent {
        public String describe() {
            return message;
        }
    }

    /** The diagnostics among some events, in order. */
    /**
     * The resources an apply or destroy started and never finished (no complete, no error event): what a
     * hung provider is stuck on, in the order they started.
     */
    static List<String> inProgress(List<UiEvent> events) {
        java.util.LinkedHashSet<String> open = new java.util.LinkedHashSet<>();
        for (UiEvent event : events) {
            if (event instanceof ApplyHook hook) {
                switch (hook.phase()) {
                    case START, PROGRESS -> open.add(hook.address());
                    case COMPLETE, ERRORED -> open.remove(hook.address());
                }
            }
        }
        return List.copyOf(open);
    }

    static List<Diagnostic> diagnostics(List<UiEvent> events) {
        return events.stream().filter(DiagnosticEvent.class::isInstance)
                .map(e -> ((DiagnosticEvent) e).diagnostic()).collect(Collectors.toList());
    }

    private static String symbol(String action) {
        return switch (action) {
            case "create" -> "+";
            case "update" -> "~";
            case "delete" -> "-";
            case "replace" -> "-/+";
            case "read" -> "<=";
            case "move" -> "->";
            default -> "*";
        };
    }

    private static String seconds(double elapsed) {
        return elapsed == Math.rint(elapsed) ? (long) elapsed + " s" : String.format(Locale.ROOT, "%.1f s", elapsed);
    }
}
