package io.tenantprovisioning.validation;

import io.tenantprovisioning.resource.TenantAccess;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small real probe over real files: everything reachable from {@code self}'s folder (following
 * links, as a process confined to that folder would) must stay out of {@code other}'s folder.
 */
final class FolderEscapeProbe implements IsolationProbe {

    static final String ROOT = "files.root";

    @Override
    public String backend() {
        return "filesystem";
    }

    @Override
    public List<String> violations(TenantAccess self, TenantAccess other) throws IOException {
        Path selfRoot = Path.of(self.attribute(ROOT).orElseThrow());
        Path otherRoot = Path.of(other.attribute(ROOT).orElseThrow()).toRealPath();
        try (Stream<Path> files = Files.walk(selfRoot, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> realPath(p).startsWith(otherRoot))
                    .map(p -> "read " + otherRoot.relativize(realPath(p)) + " through " + selfRoot.relativize(p))
                    .toList();
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
