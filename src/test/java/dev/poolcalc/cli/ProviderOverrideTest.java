package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A max_connections written in the file wins over the catalog, and plan and explain say so. */
class ProviderOverrideTest {

  @Test
  void aWrittenMaxConnectionsWinsAndIsNamedInPlanAndExplain(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("d.yaml");
    Files.writeString(
        file,
        "database:\n  provider: aws-rds\n  instance: db.t3.medium\n  max_connections: 600\n"
            + "apps:\n  - name: web\n    replicas: 2\n");

    Cli.Result plan = Cli.run("plan", file.toString());
    Cli.Result explain = Cli.run("explain", file.toString());

    // 600 is used: floor(600 × 0.85) = 510, shared by 2 replicas = 255 each.
    assertThat(plan.out())
        .contains("max_connections 600 is written in the file, so it wins over the catalog's 450")
        .contains("[provider-setting-written]")
        .containsPattern("web +2 +2 +255 +510");
    assertThat(explain.out().replaceAll("\\s+", " "))
        .contains("The catalog gives aws-rds db.t3.medium max_connections at most 450")
        .contains("the file writes its own value, which wins over the catalog's");
  }

  @Test
  void aCatalogValueIsNamedWithItsSourceInExplain(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("d.yaml");
    Files.writeString(
        file,
        "database:\n  provider: aws-rds\n  instance: db.t3.medium\n"
            + "apps:\n  - name: web\n    replicas: 2\n");

    String explain = Cli.run("explain", file.toString()).out().replaceAll("\\s+", " ");

    assertThat(explain)
        .contains("max_connections = 450")
        .contains("max_connections comes from the catalog for aws-rds db.t3.medium (https://")
        .contains("an upper bound, the server's value may be lower");
  }
}
