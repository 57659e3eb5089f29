package io.tenantprovisioning.cli;

import java.nio.file.Path;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.rag.RagAnswer;
import io.tenantprovisioning.rag.TokenRejectedException;
import io.tenantprovisioning.request.Slug;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query",
        description = {"Ask a tenant's documents a question through the tenant RAG query: token → tenant →",
                "embed (all-MiniLM-L6-v2) → top-k from the tenant's own namespace → answer."},
        footer = {"", "Example:", "  tenantctl query acme-corp --question 'What is the uptime SLA?'"})
final class QueryCommand extends PlatformCommand {

    @Parameters(index = "0", paramLabel = "SLUG", description = "The tenant's slug.")
    String slug;

    @Option(names = "--question", required = true, description = "The question.")
    String question;

    @Option(names = "--token-file", paramLabel = "FILE|-",
            description = {"Read the bearer token from FILE, or from standard input with '-' (never as an argument:",
                    "arguments are visible in the process list). Default: a fresh 5-minute token for the tenant."})
    String tokenFile;

    /** Kept only to refuse it clearly, without echoing the token the way an unknown option would. */
    @Option(names = "--token", hidden = true)
    String tokenArgument;

    @Option(names = "--top-k", defaultValue = "3", description = "Passages to retrieve (default: ${DEFAULT-VALUE}).")
    int topK;

    @Mixin
    OutputOptions output;

    @Override
    int run(TenantPlatform platform, ConsoleProgress progress, PrintWriter out) {
        if (tokenArgument != null) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "--token is refused: a token given as an argument is visible "
                    + "in the process list; use --token-file FILE or --token-file - (standard input)");
        }
        String bearer = tokenFile != null ? readToken(tokenFile)
                : platform.accessHandler().issueToken(Slug.of(slug), Duration.ofMinutes(5));
        RagAnswer answer;
        try {
            answer = platform.accessHandler().query(bearer, question, topK);
        } catch (TokenRejectedException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "token refused: " + e.getMessage());
        } catch (Exception e) {
            throw new CliFailure(ExitCode.FAILED, "query failed: " + e.getMessage());
        }
        if (!answer.tenant().value().equals(slug)) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "the token belongs to tenant '" + answer.tenant()
                    + "', not '" + slug + "'");
        }
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("tenant", answer.tenant().value());
            json.put("answer", answer.text());
            json.put("sources", answer.sources());
            json.put("latencyMs", answer.latency().toMillis());
            out.println(JsonOutput.write(json));
        } else {
            out.println(answer.text());
            out.println();
            out.println("sources: " + String.join(", ", answer.sources().stream().map(Object::toString).toList()));
            out.printf("(%d ms)%n", answer.latency().toMillis());
        }
        return ExitCode.OK;
    }

    /** The first line of the file (or of standard input for '-'), trimmed; an empty one is refused. */
    private String readToken(String source) {
        String text;
        try {
            text = source.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "cannot read the token from " + source + ": "
                    + e.getClass().getSimpleName());
        }
        String token = text.lines().findFirst().orElse("").trim();
        if (token.isEmpty()) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "no token in " + (source.equals("-") ? "standard input" : source));
        }
        return token;
    }
}
