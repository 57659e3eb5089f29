package io.tenantprovisioning.cli;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.request.InvalidRequestException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The tenantctl command tree. */
@Command(name = "tenantctl",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT, // --help and --version on every subcommand
        version = "tenantctl 0.1.0",
        description = "Provision, validate and roll back tenants of the RAG platform.",
        subcommands = {PlanCommand.class, ProvisionCommand.class, ApproveCommand.class, RejectCommand.class,
                ResumeCommand.class, UpdateCommand.class, ValidateCommand.class, RollbackCommand.class, SweepCommand.class, ClaimCommand.class, ReconfigureCommand.class,
                RevalidateCommand.class, RotateCommand.class, OffboardCommand.class, ListCommand.class, ShowCommand.class,
                AuditCommand.class, QueryCommand.class, TokenCommand.class, CostCommand.class, ReportCommand.class,
                DemoCommand.class,
                TerraformStateCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 failed (rolled back), 2 invalid input, 3 waiting for approval,",
                "            4 another run in progress, 5 rollback incomplete, 6 some tenant not re-validated"})
public final class Tenantctl {

    /** The process environment the operator authenticated in: where the operator's identity comes from. */
    private final Map<String, String> environment;

    private Tenantctl(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line (exit-code mapping, error handling); tests run it in-process. */
    public static CommandLine newCommandLine() {
        return newCommandLine(System.getenv());
    }

    /** The command line as run from {@code environment} (tests give the operator's session this way). */
    public static CommandLine newCommandLine(Map<String, String> environment) {
        CommandLine cli = new CommandLine(new Tenantctl(environment));
        cli.setExecutionExceptionHandler(Tenantctl::handle);
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            err.println("see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return ExitCode.INVALID_INPUT;
        });
        return cli;
    }

    /** Who runs the command a subcommand's spec belongs to (see {@link Operator}). */
    static Operator operator(CommandSpec spec) {
        Tenantctl root = (Tenantctl) spec.root().userObject();
        return Operator.from(root.environment, System.getProperty("user.name"));
    }

    private static int handle(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        // the options live on the subcommand that failed, not on the root
        CommandLine.ParseResult own = cmd.getParseResult() != null ? cmd.getParseResult() : parsed;
        boolean json = own.hasMatchedOption("--json");
        boolean debug = own.hasMatchedOption("--debug");
        int code;
        String message;
        List<String> details;
        if (ex instanceof InvalidRequestException invalid) {
            code = ExitCode.INVALID_INPUT;
            message = "invalid tenant request (" + invalid.problems().size() + " problem"
                    + (invalid.problems().size() == 1 ? "" : "s") + ")";
            details = invalid.problems();
        } else if (ex instanceof CliFailure failure) {
            code = failure.exitCode();
            message = failure.getMessage();
            details = failure.details();
        } else if (ex instanceof ConfigurationException || ex instanceof IllegalArgumentException) {
            code = ExitCode.INVALID_INPUT;
            message = ex.getMessage();
            details = List.of();
        } else {
            code = ExitCode.FAILED;
            message = ex.getClass().getSimpleName() + ": " + ex.getMessage();
            details = List.of();
        }
        if (json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", message);
            error.put("exitCode", code);
            error.put("problems", details);
            cmd.getOut().println(JsonOutput.write(error));
            cmd.getOut().flush();
        } else {
            PrintWriter err = cmd.getErr();
            err.println("error: " + message);
            details.forEach(d -> err.println("  - " + d));
            err.flush();
        }
        if (debug) {
            ex.printStackTrace(cmd.getErr());
        }
        return code;
    }
}
