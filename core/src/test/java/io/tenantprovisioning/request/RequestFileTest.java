package io.tenantprovisioning.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestFileTest {

    @TempDir
    Path dir;

    @Test
    void csvRowsCarryTheLineAnEditorShows() throws Exception {
        Path file = dir.resolve("tenants.csv");
        Files.writeString(file, """
                name,tier,region,budget,email,cross-border,cost-center
                Acme Corp,gold,us-east-1,950000,owner@acme.example,false,
                
                Globex,silver,eu-west-1,400000,ops@globex.example,yes,CC_GLOBEX
                """);

        List<RequestRow> rows = RequestFile.read(file);

        assertThat(rows).extracting(RequestRow::line).containsExactly(2, 4);
        assertThat(rows.get(0).draft()).isEqualTo(new RequestDraft("Acme Corp", "gold", "us-east-1", "950000",
                "owner@acme.example", "INTERNAL", "NONE", false, null, null));
        assertThat(rows.get(1).draft().crossBorderTransfer()).isTrue();
        assertThat(rows.get(1).draft().costCenter()).isEqualTo("CC_GLOBEX");
        assertThat(rows).allMatch(r -> r.problems().isEmpty());
    }

    @Test
    void yamlItemsCarryTheirLineAndUnknownColumnsAreProblemsOfTheirRow() throws Exception {
        Path file = dir.resolve("tenants.yaml");
        Files.writeString(file, """
                # two tenants
                - name: Acme Corp
                  tier: gold
                  region: us-east-1
                  budget: 950000
                  email: owner@acme.example
                - name: Initech
                  tier: bronze
                  colour: blue
                  cross-border: maybe
                """);

        List<RequestRow> rows = RequestFile.read(file);

        assertThat(rows).extracting(RequestRow::line).containsExactly(2, 7);
        assertThat(rows.get(0).draft().budget()).isEqualTo("950000");
        assertThat(rows.get(1).problems()).hasSize(2).anyMatch(p -> p.startsWith("unknown column 'colour'"))
                .anyMatch(p -> p.contains("cross-border: 'maybe'"));
    }

    @Test
    void aFileThatIsNeitherIsRefusedSayingWhy() throws Exception {
        Path txt = Files.writeString(dir.resolve("tenants.txt"), "x");
        assertThatThrownBy(() -> RequestFile.read(txt)).hasMessageContaining(".csv, .yaml or .yml");
        Path notAList = Files.writeString(dir.resolve("t.yaml"), "name: Acme\n");
        assertThatThrownBy(() -> RequestFile.read(notAList)).hasMessageContaining("must be a list");
    }
}
