package io.tenantprovisioning.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Tried/held counts of one reliability property, appended as a tab-separated line to
 * {@code target/reliability-results.tsv} of the module; {@code bench/reliability-results.sh} gathers
 * them into {@code bench/results/}. A property that did not hold every try still records its counts
 * (the test then fails), so the table never shows only the good runs.
 */
public final class PropertyTally {

    static final Path FILE = Path.of("target", "reliability-results.tsv");

    private final String property;
    private int tried;
    private int held;

    public PropertyTally(String property) {
        this.property = property;
    }

    public synchronized void tried(boolean didHold) {
        tried++;
        if (didHold) {
            held++;
        }
    }

    public synchronized int tried() {
        return tried;
    }

    public synchronized int held() {
        return held;
    }

    /** Appends {@code <when>\t<property>\t<tried>\t<held>\t<note>}. */
    public synchronized void record(String note) {
        String line = Instant.now() + "\t" + property + "\t" + tried + "\t" + held + "\t"
                + note.replace('\t', ' ').replace('\n', ' ') + "\n";
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record the reliability result in " + FILE.toAbsolutePath(), e);
        }
    }
}
