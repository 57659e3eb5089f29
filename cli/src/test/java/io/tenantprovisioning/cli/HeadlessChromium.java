package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Debian's Chromium, headless, as a test's real browser: loads a page from a file and hands back the
 * DOM it built, or a screenshot of what it painted. Each run gets a profile folder of its own, so
 * tests in other checkouts can run a browser at the same time.
 */
final class HeadlessChromium {

    static final String INSTALL_HINT = "Chromium is not installed, and the fleet page is tested in a real headless "
            + "browser: install it from Debian's packages with `apt-get install -y chromium` (.ci/run does this "
            + "before the tests)";
    private static final long TIMEOUT_SECONDS = 90;

    private final Path binary;
    private final Path work;

    private HeadlessChromium(Path binary, Path work) {
        this.binary = binary;
        this.work = work;
    }

    /** The installed browser; fails the calling test with how to install it when there is none. */
    static HeadlessChromium require(Path work) {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            fail(INSTALL_HINT);
        }
        return new HeadlessChromium(found.get(), work);
    }

    private static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "chromium"));
            }
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** The DOM Chromium built from the page, serialized back to HTML. */
    String dumpDom(Path page) throws Exception {
        Path out = work.resolve("dom.html");
        run(out, "--dump-dom", page.toUri().toString());
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** What Chromium painted in a window of the given size. */
    BufferedImage screenshot(Path page, int width, int height) throws Exception {
        Path png = work.resolve("page.png");
        run(work.resolve("screenshot.out"), "--window-size=" + width + "," + height, "--hide-scrollbars",
                "--screenshot=" + png, page.toUri().toString());
        assertThat(png).as("Chromium wrote no screenshot").exists();
        return ImageIO.read(png.toFile());
    }

    private void run(Path stdout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + Files.createTempDirectory(work, "profile")));
        command.addAll(List.of(args));
        Path stderr = work.resolve("chromium.err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
        }
        assertThat(process.exitValue()).as("Chromium failed: %s%n%s", String.join(" ", command),
                Files.readString(stderr, StandardCharsets.UTF_8)).isZero();
    }
}
