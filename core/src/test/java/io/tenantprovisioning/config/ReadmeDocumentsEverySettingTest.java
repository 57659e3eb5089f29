package io.tenantprovisioning.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the user's reference: it must list every setting with its default. */
class ReadmeDocumentsEverySettingTest {

    @Test
    void everySettingAndItsDefaultAreInTheReadme() throws Exception {
        Path readme = Path.of(System.getProperty("tenantctl.repo.root", "..")).resolve("README.md");
        String text = Files.readString(readme);
        for (Setting setting : Setting.values()) {
            String row = "| `" + setting.name() + "` | "
                    + (setting.defaultValue() == null ? "—" : "`" + setting.defaultValue() + "`") + " |";
            assertThat(text).as("README row for " + setting).contains(row);
        }
    }
}
