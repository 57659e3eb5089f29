package io.tenantprovisioning.jenkins;

import hudson.FilePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A report file inside the build's workspace. Written through {@link FilePath}, so it lands on the
 * agent that holds the workspace, not on the controller where the step's Java runs.
 */
record WorkspaceReport(String relativePath) {

    private static final Pattern PARENT_SEGMENT = Pattern.compile("(^|[/\\\\])\\.\\.([/\\\\]|$)");

    WorkspaceReport {
        if (relativePath == null || relativePath.isBlank()) {
            throw new IllegalArgumentException("report path is empty");
        }
        if (relativePath.startsWith("/") || relativePath.startsWith("\\") || relativePath.matches("^[A-Za-z]:.*")
                || PARENT_SEGMENT.matcher(relativePath).find()) {
            throw new IllegalArgumentException("report path '" + relativePath
                    + "' must be relative to the workspace and stay inside it (no leading / and no '..')");
        }
    }

    /** A file of the given name in this report's folder. */
    WorkspaceReport sibling(String fileName) {
        int slash = Math.max(relativePath.lastIndexOf('/'), relativePath.lastIndexOf('\\'));
        return new WorkspaceReport(slash < 0 ? fileName : relativePath.substring(0, slash + 1) + fileName);
    }

    void write(FilePath workspace, String content) throws IOException, InterruptedException {
        FilePath target = workspace.child(relativePath);
        target.getParent().mkdirs();
        target.write(content, StandardCharsets.UTF_8.name());
    }
}
