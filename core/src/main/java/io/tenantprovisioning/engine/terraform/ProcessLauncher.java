package io.tenantprovisioning.engine.terraform;

import java.io.IOException;

/**
 * Starts a process. The default, {@link LocalProcessLauncher}, starts it on this machine; a Jenkins
 * step supplies one that starts it on the build agent through its {@code Launcher}.
 */
@FunctionalInterface
public interface ProcessLauncher {

    LaunchedProcess launch(ProcessSpec spec) throws IOException;
}
