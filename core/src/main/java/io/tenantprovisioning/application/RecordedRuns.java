package io.tenantprovisioning.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.registry.ValidationRunRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the fleet report needs back out of recorded runs (their JSON report, see
 * {@code JsonReport}). The registry's {@code passed} column is the verdict; a report that cannot be
 * read only loses its counts and findings, never the run.
 */
final class RecordedRuns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FINDING_PREFIX = "- ";

    private RecordedRuns() {
    }

    static ValidationSummary summary(ValidationRunRecord run) {
        JsonNode counts = read(run).path("counts");
        return new ValidationSummary(run.finishedAt(), run.passed(), counts.path("PASSED").asInt(0),
                counts.path("total").asInt(0));
    }

    /** The drift that a re-validation run recorded as its {@value DriftDetector#CHECK_ID} result. */
    static DriftStatus drift(Optional<ValidationRunRecord> revalidation) {
        if (revalidation.isEmpty()) {
            return new DriftStatus.NotChecked();
        }
        ValidationRunRecord run = revalidation.get();
        for (JsonNode check : read(run).path("checks")) {
            if (DriftDetector.CHECK_ID.equals(check.path("id").asText())) {
                return "PASSED".equals(check.path("result").asText()) ? new DriftStatus.Clean(run.finishedAt())
                        : new DriftStatus.Drifted(run.finishedAt(), findings(check.path("message").asText("")));
            }
        }
        // the query found the check in this report; an unreadable report is the only way here
        return new DriftStatus.Drifted(run.finishedAt(), List.of("the recorded drift result cannot be read"));
    }

    /** The "- …" lines DriftDetector writes under its heading; the whole message if it has none. */
    private static List<String> findings(String message) {
        List<String> lines = new ArrayList<>();
        for (String line : message.split("\n")) {
            if (line.startsWith(FINDING_PREFIX)) {
                lines.add(line.substring(FINDING_PREFIX.length()));
            }
        }
        return lines.isEmpty() && !message.isBlank() ? List.of(message.strip()) : lines;
    }

    private static JsonNode read(ValidationRunRecord run) {
        try {
            return JSON.readTree(run.reportJson());
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
