package io.tenantprovisioning.engine.terraform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a root module's variables and outputs with the OpenTofu binary: {@code tofu show -config -json}
 * (OpenTofu ≥ 1.10) prints the parsed configuration, type constraints normalised, without a plan,
 * state or backend.
 *
 * <p>It still loads the schema of every provider the configuration uses, and {@code terraform/tenant}'s
 * providers cannot be downloaded here. So only {@code variables.tf} and {@code outputs.tf} are copied
 * into a scratch folder and read: variable and output blocks need no provider, and outputs that refer
 * to {@code module.*} are only parsed, not evaluated. That is sound only while no other file of the root
 * declares a variable or output, which {@link #read(Path)} checks before it trusts the copy.
 */
final class ModuleInterfaceReader {

    static final String VARIABLES_FILE = "variables.tf";
    static final String OUTPUTS_FILE = "outputs.tf";
    /** A top-level variable or output block (terraform fmt puts them at column 0). */
    private static final Pattern DECLARATION = Pattern.compile("(?m)^\\s*(variable|output)\\s+\"");

    private final String binary;
    private final Path scratch;
    private int copies;

    /** @param scratch a private folder for the copies (and an empty CLI configuration) */
    ModuleInterfaceReader(String binary, Path scratch) {
        this.binary = binary;
        this.scratch = scratch;
    }

    /** The declarations of the root module in {@code rootDir}. */
    RootModuleInterface read(Path rootDir) throws IOException, InterruptedException {
        for (Path dir : folders(rootDir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (!name.equals(VARIABLES_FILE) && !name.equals(OUTPUTS_FILE)
                            && DECLARATION.matcher(Files.readString(f)).find()) {
                        throw new IllegalStateException(f + " declares a variable or output; this reader reads only "
                                + VARIABLES_FILE + " and " + OUTPUTS_FILE + " (move it there)");
                    }
                }
            }
        }
        return read(declarations(rootDir, VARIABLES_FILE), declarations(rootDir, OUTPUTS_FILE));
    }

    /**
     * {@code file} of the root and of every part under {@code parts/} (which tenantctl composes into the
     * root's copy, {@link RootPart}), one after the other: the root with all its parts.
     */
    static String declarations(Path rootDir, String file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path dir : folders(rootDir)) {
            if (Files.isRegularFile(dir.resolve(file))) {
                text.append(Files.readString(dir.resolve(file))).append('\n');
            }
        }
        return text.toString();
    }

    private static List<Path> folders(Path rootDir) throws IOException {
        List<Path> folders = new java.util.ArrayList<>(List.of(rootDir));
        Path parts = rootDir.resolve(RootPart.PARTS_FOLDER);
        if (Files.isDirectory(parts)) {
            try (Stream<Path> s = Files.list(parts)) {
                folders.addAll(s.filter(Files::isDirectory).sorted().toList());
            }
        }
        return folders;
    }

    /** The declarations of a root made of these two files only. */
    RootModuleInterface read(String variablesTf, String outputsTf) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(scratch.resolve("root-" + (++copies)));
        Files.writeString(dir.resolve(VARIABLES_FILE), variablesTf);
        Files.writeString(dir.resolve(OUTPUTS_FILE), outputsTf);
        // the machine's TF_CLI_CONFIG_FILE may name a missing file, which only adds a warning: use an empty one
        Path cliConfig = Files.writeString(scratch.resolve("empty.tfrc"), "");
        Path stdout = scratch.resolve("show-" + copies + ".json");
        Path stderr = scratch.resolve("show-" + copies + ".err");
        ProcessBuilder pb = new ProcessBuilder(List.of(binary, "-chdir=" + dir, "show", "-config", "-json",
                "-no-color")).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().put("TF_CLI_CONFIG_FILE", cliConfig.toString());
        pb.environment().put("TF_IN_AUTOMATION", "1");
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(binary + " show -config -json did not finish within 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(binary + " show -config -json exited " + p.exitValue() + ":\n"
                    + Files.readString(stderr));
        }
        return RootModuleInterface.fromShowConfig(new ObjectMapper().readTree(stdout.toFile()));
    }
}
