package io.tenantprovisioning.engine.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns one line of {@code -json} output into a {@link UiEvent}. Lines that are not JSON objects
 * (a crash message, a provider's stray print) become {@link UiEvent.Other} of type {@code text}.
 */
final class UiEventParser {

    private final ObjectMapper mapper;

    UiEventParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    UiEvent parse(String line) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return new UiEvent.Other("text", line);
        }
        if (node == null || !node.isObject()) {
            return new UiEvent.Other("text", line);
        }
        String type = node.path("type").asText("");
        String message = node.path("@message").asText("");
        JsonNode hook = node.path("hook");
        return switch (type) {
            case "version" -> version(node);
            case "planned_change" -> plannedChange(node.path("change"));
            case "resource_drift" -> new UiEvent.ResourceDrift(addr(node.path("change").path("resource")),
                    node.path("change").path("action").asText(""));
            case "apply_start" -> hook(UiEvent.ApplyHook.Phase.START, hook);
            case "apply_progress" -> hook(UiEvent.ApplyHook.Phase.PROGRESS, hook);
            case "apply_complete" -> hook(UiEvent.ApplyHook.Phase.COMPLETE, hook);
            case "apply_errored" -> hook(UiEvent.ApplyHook.Phase.ERRORED, hook);
            case "provision_start", "provision_progress", "provision_complete", "provision_errored" ->
                    new UiEvent.Provision(type, addr(hook.path("resource")), hook.path("provisioner").asText(""),
                            hook.path("output").asText(""));
            case "refresh_start", "refresh_complete" -> new UiEvent.Refresh(type, addr(hook.path("resource")),
                    hook.path("id_key").asText(""), hook.path("id_value").asText(""));
            case "change_summary" -> changeSummary(node.path("changes"));
            case "outputs" -> outputs(node.path("outputs"));
            case "diagnostic" -> new UiEvent.DiagnosticEvent(diagnostic(node.path("diagnostic")));
            default -> new UiEvent.Other(type.isEmpty() ? "unknown" : type, message);
        };
    }

    /** The {@code diagnostic} object of a diagnostic message. */
    static Diagnostic diagnostic(JsonNode d) {
        Diagnostic.Severity severity = "warning".equals(d.path("severity").asText())
                ? Diagnostic.Severity.WARNING : Diagnostic.Severity.ERROR;
        JsonNode range = d.path("range");
        return new Diagnostic(severity, d.path("summary").asText(""), d.path("detail").asText(""),
                d.path("address").asText(""), range.path("filename").asText(""),
                range.path("start").path("line").asInt(0));
    }

    private static UiEvent version(JsonNode node) {
        // OpenTofu writes the version under "tofu", Terraform under "terraform".
        boolean tofu = node.has("tofu");
        return new UiEvent.Version(tofu ? "OpenTofu" : "Terraform",
                node.path(tofu ? "tofu" : "terraform").asText(""), node.path("ui").asText(""));
    }

    private static UiEvent plannedChange(JsonNode change) {
        JsonNode previous = change.path("previous_resource");
        return new UiEvent.PlannedChange(addr(change.path("resource")), change.path("action").asText(""),
                change.path("reason").asText(""), previous.isObject() ? addr(previous) : "");
    }

    private static UiEvent hook(UiEvent.ApplyHook.Phase phase, JsonNode hook) {
        return new UiEvent.ApplyHook(phase, addr(hook.path("resource")), hook.path("action").asText(""),
                hook.path("elapsed_seconds").asDouble(0), hook.path("id_key").asText(""),
                hook.path("id_value").asText(""));
    }

    private static UiEvent changeSummary(JsonNode c) {
        return new UiEvent.ChangeSummary(c.path("operation").asText(""), c.path("add").asInt(0),
                c.path("change").asInt(0), c.path("remove").asInt(0), c.path("import").asInt(0),
                c.path("forget").asInt(0));
    }

    private static UiEvent outputs(JsonNode outputs) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = outputs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            names.put(e.getKey(), e.getValue().path("sensitive").asBoolean(false));
        }
        return new UiEvent.Outputs(names);
    }

    private static String addr(JsonNode resource) {
        return resource.path("addr").asText("");
    }
}
