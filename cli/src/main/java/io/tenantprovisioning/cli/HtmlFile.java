package io.tenantprovisioning.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The --html FILE of `cost` and `report`: checked before anything is read, written before stdout. */
final class HtmlFile {

    private HtmlFile() {
    }

    /**
     * Refuses (exit 2) a target that is a folder, and one whose folder is missing unless the command
     * creates it, so nothing is read for nothing.
     */
    static void check(Path html, boolean createsFolder) {
        if (html == null) {
            return;
        }
        Path parent = html.toAbsolutePath().getParent();
        if (!createsFolder && parent != null && !Files.isDirectory(parent)) {
            throw new CliFailure(ExitCode.INVALID_INPUT,
                    "--html " + html + ": directory " + parent + " does not exist");
        }
        if (Files.isDirectory(html)) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "--html " + html + " is a directory; give a file name");
        }
    }

    /** Writes the page, creating its folder if needed. */
    static void write(Path html, String page) {
        try {
            Path parent = html.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(html, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FAILED, "could not write the HTML report to " + html + ": " + e.getMessage());
        }
    }
}
