package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The OpenTofu CLI configuration the terraform engine runs with ({@code TF_CLI_CONFIG_FILE}) and the
 * providers its {@code filesystem_mirror}s hold: the air-gapped install path (no registry is contacted),
 * which {@code scripts/provider-mirror.sh} sets up. A root part is composed into a tenant's root only when
 * every provider it needs is here, because {@code tofu init} fails on any provider it cannot install.
 *
 * @param cliConfig the CLI configuration file, when there is one (none: tofu's own defaults)
 * @param versions  provider source ({@code hashicorp/aws}) → the version the mirror holds (the highest
 *                  when several); roots pin it exactly, since a mirror may hold a pre-release
 */
public record ProviderMirror(Optional<Path> cliConfig, Map<String, String> versions) {

    /** Where scripts/provider-mirror.sh writes the CLI configuration, under the user's cache folder. */
    public static final String DEFAULT_CLI_CONFIG = "tenantctl/tofu-cli-config.tfrc";
    /** OpenTofu's default registry host: the folder level of the mirror's layout that unqualified sources use. */
    static final String REGISTRY_HOST = "registry.opentofu.org";
    private static final Pattern MIRROR_PATH = Pattern.compile(
            "filesystem_mirror\\s*\\{[^}]*?\\bpath\\s*=\\s*\"([^\"]+)\"", Pattern.DOTALL);

    public ProviderMirror {
        versions = Map.copyOf(versions);
    }

    /** No CLI configuration and no provider: roots get only parts that need none. */
    public static ProviderMirror none() {
        return new ProviderMirror(Optional.empty(), Map.of());
    }

    /**
     * TERRAFORM_CLI_CONFIG when set (it must exist), else the file scripts/provider-mirror.sh writes
     * ({@code $XDG_CACHE_HOME} or {@code ~/.cache}, then {@value #DEFAULT_CLI_CONFIG}) when present.
     */
    public static ProviderMirror fromSettings(Settings settings) {
        Optional<String> configured = settings.optional(Setting.TERRAFORM_CLI_CONFIG).filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            Path file = Path.of(configured.get());
            if (!Files.isRegularFile(file)) {
                throw new ConfigurationException("TERRAFORM_CLI_CONFIG names " + file + ", which does not exist "
                        + "(scripts/provider-mirror.sh build writes it; `scripts/provider-mirror.sh path` prints where)");
            }
            return read(file);
        }
        Path fallback = defaultCacheDir().resolve(DEFAULT_CLI_CONFIG);
        return Files.isRegularFile(fallback) ? read(fallback) : none();
    }

    /** The providers the filesystem mirrors named in {@code cliConfig} hold. */
    public static ProviderMirror read(Path cliConfig) {
        Map<String, String> versions = new TreeMap<>();
        try {
            Matcher m = MIRROR_PATH.matcher(Files.readString(cliConfig));
            while (m.find()) {
                scan(Path.of(m.group(1)), versions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenTofu CLI configuration " + cliConfig, e);
        }
        return new ProviderMirror(Optional.of(cliConfig.toAbsolutePath()), versions);
    }

    public boolean holds(String source) {
        return versions.containsKey(source);
    }

    /** {@code TF_CLI_CONFIG_FILE} for the runner, when there is a configuration. */
    public Map<String, String> environment() {
        return cliConfig.map(p -> Map.of("TF_CLI_CONFIG_FILE", p.toString())).orElse(Map.of());
    }

    /** Mirror layout: {@code <path>/<host>/<namespace>/<type>/<version>/<os_arch>/}. */
    private static void scan(Path mirror, Map<String, String> versions) throws IOException {
        Path host = mirror.resolve(REGISTRY_HOST);
        if (!Files.isDirectory(host)) {
            return;
        }
        for (Path namespace : children(host)) {
            for (Path type : children(namespace)) {
                String source = namespace.getFileName() + "/" + type.getFileName();
                for (Path version : children(type)) {
                    if (!children(version).isEmpty()) { // a version folder without a platform is half-written
                        versions.merge(source, version.getFileName().toString(),
                                (a, b) -> a.compareTo(b) >= 0 ? a : b);
                    }
                }
            }
        }
    }

    private static List<Path> children(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(Files::isDirectory).sorted().toList());
        }
    }

    private static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    }
}
