package io.tenantprovisioning.resource.monitoring;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of JSON files that other programs watch (Prometheus file_sd, Grafana provisioning). Writes
 * are atomic: a temp file whose name does not end in ".json" (so a {@code *.json} glob never sees a
 * half-written file) moved over the target.
 */
record JsonFolder(Path dir) {

    private static final ObjectMapper JSON = new ObjectMapper();

    Path path(String fileName) {
        return dir.resolve(fileName);
    }

    void write(String fileName, JsonNode content) throws IOException {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + fileName + ".", ".tmp");
        try {
            Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(content));
            Files.move(temp, path(fileName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The parsed file; empty when it does not exist; an IOException naming the file when it is not JSON. */
    Optional<JsonNode> read(String fileName) throws IOException {
        byte[] raw;
        try {
            raw = Files.readAllBytes(path(fileName));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(raw));
        } catch (JacksonException corrupt) {
            throw new IOException(path(fileName) + " is not valid JSON: " + corrupt.getOriginalMessage(), corrupt);
        }
    }

    /** Deletes the file; true when there was one. */
    boolean delete(String fileName) throws IOException {
        return Files.deleteIfExists(path(fileName));
    }

    /** Names of the regular files with this prefix and suffix, sorted. */
    List<String> fileNames(String prefix, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }
}
