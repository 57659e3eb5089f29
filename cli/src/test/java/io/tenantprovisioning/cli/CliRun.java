package io.tenantprovisioning.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command line in-process and captures stdout, stderr and the exit code. */
record CliRun(int exitCode, String out, String err) {

    /** Runs in this process's environment: the operator is TENANTCTL_OPERATOR if set, else the OS account. */
    static CliRun of(String... args) {
        return in(System.getenv(), args);
    }

    /** Runs in {@code operator}'s session: their environment's TENANTCTL_OPERATOR names them. */
    static CliRun as(String operator, String... args) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put(Operator.VARIABLE, operator);
        return in(environment, args);
    }

    static CliRun in(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Tenantctl.newCommandLine(environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
