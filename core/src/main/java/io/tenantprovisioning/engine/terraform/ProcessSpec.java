package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.config.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to start: the full command line, where, and the variables to set on top of the launcher's
 * inherited environment. Secret variables (PG_CONN_STR) stay {@link Secret}s until the launcher
 * starts the process, so printing a spec never shows them.
 *
 * @param environment       variables to set; an empty value blanks an inherited one
 */
public record ProcessSpec(List<String> command, Path workingDir, Map<String, String> environment,
                          Map<String, Secret> secretEnvironment) {

    public ProcessSpec {
        command = List.copyOf(command);
        Objects.requireNonNull(workingDir, "workingDir");
        environment = Map.copyOf(environment);
        secretEnvironment = Map.copyOf(secretEnvironment);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
    }
}
