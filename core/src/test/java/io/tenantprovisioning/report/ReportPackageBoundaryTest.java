package io.tenantprovisioning.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The report package sits at the bottom of the dependency graph, so any page in any package can use it. */
class ReportPackageBoundaryTest {

    private static final Path SOURCES = Path.of("src/main/java/io/tenantprovisioning/report");

    @Test
    void importsNothingOfTheProjectButText() throws IOException {
        List<String> imports;
        try (Stream<Path> files = Files.list(SOURCES)) {
            imports = files.filter(f -> f.toString().endsWith(".java")).flatMap(ReportPackageBoundaryTest::lines)
                    .filter(l -> l.startsWith("import ")).toList();
        }
        assertThat(imports).isNotEmpty().allSatisfy(i -> assertThat(i)
                .matches("import (java\\.[\\w.]+|io\\.tenantprovisioning\\.(text|report)\\.[\\w.]+);"));
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
