package io.tenantprovisioning.cli;

import picocli.CommandLine.Option;

/** --json and --debug, shared by every command that reports something. */
public final class OutputOptions {

    @Option(names = "--json", description = "Print only JSON on stdout (shapes in the README).")
    boolean json;

    @Option(names = "--debug", description = "Show stack traces on errors.")
    boolean debug;

    public boolean json() {
        return json;
    }

    public boolean debug() {
        return debug;
    }
}
