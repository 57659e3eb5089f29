package io.tenantprovisioning.jenkins.upstream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code jenkins-api-stubs/UPSTREAM.txt}: for each copied type, where upstream declares it (a
 * repository at a tag, and a file) and its declaration (see {@link Declaration}). Plain text, one fact
 * a line: {@code source <key> <repo>@<tag>}, then per type {@code type <name>} followed by indented
 * {@code from <key> <path>}, {@code declared}, {@code supertype}, {@code annotation} and {@code member}
 * lines. {@code #} starts a comment.
 */
record UpstreamManifest(Map<String, String> sources, Map<String, Entry> types) {

    /** One type: where it was read, and what it declares. */
    record Entry(String source, String path, Declaration declaration) {
    }

    static UpstreamManifest read(Path file) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, Entry> types = new LinkedHashMap<>();
        Builder current = null;
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split(" ", 2);
            String value = kv.length > 1 ? kv[1].strip() : "";
            switch (kv[0]) {
                case "source" -> {
                    String[] parts = value.split("\\s+", 2);
                    sources.put(parts[0], parts[1]);
                }
                case "type" -> {
                    if (current != null) {
                        types.put(current.name, current.build());
                    }
                    current = new Builder(value);
                }
                default -> require(current, line).add(kv[0], value);
            }
        }
        if (current != null) {
            types.put(current.name, current.build());
        }
        return new UpstreamManifest(sources, types);
    }

    private static Builder require(Builder current, String line) {
        if (current == null) {
            throw new IllegalArgumentException("UPSTREAM.txt: '" + line + "' comes before any 'type' line");
        }
        return current;
    }

    private static final class Builder {
        private final String name;
        private String source;
        private String path;
        private String declared;
        private final List<String> supertypes = new ArrayList<>();
        private final List<String> annotations = new ArrayList<>();
        private final Set<String> members = new TreeSet<>();

        Builder(String name) {
            this.name = name;
        }

        void add(String key, String value) {
            switch (key) {
                case "from" -> {
                    String[] parts = value.split("\\s+", 2);
                    source = parts[0];
                    path = parts[1];
                }
                case "declared" -> declared = value;
                case "supertype" -> supertypes.add(value);
                case "annotation" -> annotations.add(value);
                case "member" -> members.add(value);
                default -> throw new IllegalArgumentException("UPSTREAM.txt: unknown line '" + key + "' in " + name);
            }
        }

        Entry build() {
            return new Entry(source, path, new Declaration(name, declared, List.copyOf(supertypes),
                    annotations.stream().sorted().toList(), members));
        }
    }
}
