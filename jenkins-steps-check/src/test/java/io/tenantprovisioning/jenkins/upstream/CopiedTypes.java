package io.tenantprovisioning.jenkins.upstream;

import hudson.util.ClassLoaderSanityThreadFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every top-level and nested type in jenkins-api-stubs (a folder or a jar), except our own processor. */
final class CopiedTypes {

    private static final String OWN = "io.tenantprovisioning.";

    private CopiedTypes() {
    }

    static List<String> names() throws IOException, URISyntaxException {
        Path location = Path.of(ClassLoaderSanityThreadFactory.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        if (Files.isDirectory(location)) {
            return namesUnder(location);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location, Map.of())) {
            return namesUnder(jar.getPath("/"));
        }
    }

    private static List<String> namesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize).map(Path::toString)
                    .filter(p -> p.endsWith(".class") && !p.startsWith("META-INF"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .filter(n -> !n.startsWith(OWN))
                    .sorted().toList();
        }
    }
}
