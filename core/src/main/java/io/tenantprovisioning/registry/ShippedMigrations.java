package io.tenantprovisioning.registry;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versions of the registry migrations this build ships ({@code db/registry/V<version>__*.sql} beside
 * this class, in its jar or classes folder): what a registry must have applied to be current. Empty
 * when they cannot be listed from here (an unusual class loader): callers then migrate as always.
 */
final class ShippedMigrations {

    static final String FOLDER = "db/registry/";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__[^/]+\\.sql");

    private ShippedMigrations() {
    }

    static Optional<Set<String>> versions() {
        try {
            CodeSource source = ShippedMigrations.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            Set<String> versions = Files.isDirectory(location) ? fromFolder(location.resolve(FOLDER))
                    : fromJar(location);
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions);
        } catch (IOException | URISyntaxException | RuntimeException unlistable) {
            return Optional.empty();
        }
    }

    private static Set<String> fromFolder(Path folder) throws IOException {
        Set<String> versions = new TreeSet<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.forEach(f -> version(f.getFileName().toString()).ifPresent(versions::add));
            }
        }
        return versions;
    }

    private static Set<String> fromJar(Path jar) throws IOException {
        Set<String> versions = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith(FOLDER) && name.indexOf('/', FOLDER.length()) < 0)
                    .forEach(name -> version(name.substring(FOLDER.length())).ifPresent(versions::add));
        }
        return versions;
    }

    /**
     * Whether a registry with {@code applied} needs nothing this build ships: every shipped version is
     * applied, and any other applied version is newer than all of them (Flyway ignores such future
     * migrations; an unknown older one is a registry Flyway must look at).
     */
    static boolean satisfiedBy(Set<String> shipped, Set<String> applied) {
        if (!applied.containsAll(shipped)) {
            return false;
        }
        String newestShipped = shipped.stream().max(ShippedMigrations::compare).orElseThrow();
        return applied.stream().filter(v -> !shipped.contains(v)).allMatch(v -> compare(v, newestShipped) > 0);
    }

    /** Dotted versions compared part by part as numbers: 2 < 2.1 < 10. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    /** Flyway's version text as its history table stores it: "1", "2.1" ("2_1" in a file name). */
    static Optional<String> version(String fileName) {
        Matcher m = VERSIONED.matcher(fileName);
        return m.matches() ? Optional.of(m.group(1).replace('_', '.')) : Optional.empty();
    }

    /** For messages and tests: where the listing looked. */
    static Optional<URL> location() {
        CodeSource source = ShippedMigrations.class.getProtectionDomain().getCodeSource();
        return source == null ? Optional.empty() : Optional.ofNullable(source.getLocation());
    }
}
