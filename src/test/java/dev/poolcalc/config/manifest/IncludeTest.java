package dev.poolcalc.config.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcalc.config.DeploymentFile;
import dev.poolcalc.config.DeploymentReader;
import dev.poolcalc.config.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** include: several teams' files planned together on the including file's database. */
class IncludeTest {

  private static final String DIR = "src/test/resources/manifests/";
  private static final String DATABASE = "database:\n  max_connections: 100\n  reserve: 15\n";

  @Test
  void includedAppsArePlannedWithTheOwnOnesOnOneDatabase() {
    ManifestCli.Result result = ManifestCli.plan(DIR + "include-deployment.yaml");

    assertThat(result.exitCode()).as(result.err()).isZero();
    // The seed's example split over two teams' files: 3 web (here) + 2 bot (the included file,
    // whose count comes from its Compose file beside it) = 5 instances; floor(85 / 5) = 17.
    List<String> names = new ArrayList<>();
    result.json().get("apps").forEach(a -> names.add(a.get("name").asText()));
    assertThat(names).containsExactly("exchanger-web", "exchanger-bot");
    JsonNode bot = result.app("exchanger-bot");
    assertThat(bot.get("replicas").asLong()).isEqualTo(2);
    assertThat(bot.get("connection_limit").asLong()).isEqualTo(17);
    assertThat(result.app("exchanger-web").get("connection_limit").asLong()).isEqualTo(17);
    assertThat(result.json().get("total_connections").asLong()).isEqualTo(85);
  }

  @Test
  void includedAppsPointIntoTheirOwnFile() throws InvalidInputException {
    DeploymentFile file =
        DeploymentReader.read(
            DIR + "include-deployment.yaml", InputStream.nullInputStream(), Map.of());

    assertThat(file.location("apps[1].name").orElseThrow().toString())
        .isEqualTo(DIR + "teams/bot.yaml:6:11");
    assertThat(file.appLocation(1).file()).isEqualTo(DIR + "teams/bot.yaml");
    assertThat(file.sources("exchanger-bot").get("replicas").location().toString())
        .isEqualTo(DIR + "teams/bot-compose.yaml:5:17");
  }

  @Test
  void aFileMayHoldOnlyItsDatabaseAndIncludes(@TempDir Path dir) throws IOException {
    write(dir, "d.yaml", DATABASE + "include: [a.yaml, b.yaml]\n");
    write(dir, "a.yaml", "apps:\n  - name: web\n    replicas: 3\n");
    write(dir, "b.yaml", "apps:\n  - name: bot\n    replicas: 2\n");

    ManifestCli.Result result = ManifestCli.plan(dir.resolve("d.yaml").toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.app("web").get("connection_limit").asLong()).isEqualTo(17);
    assertThat(result.app("bot").get("connection_limit").asLong()).isEqualTo(17);
  }

  @Test
  void aNameUsedInTwoFilesIsRefusedInTheIncludedOne(@TempDir Path dir) throws IOException {
    write(dir, "d.yaml", DATABASE + "apps:\n  - name: web\n    replicas: 3\ninclude: [a.yaml]\n");
    write(dir, "a.yaml", "apps:\n  - name: bot\n    replicas: 1\n  - name: web\n    replicas: 2\n");

    ManifestCli.Result result = ManifestCli.plan(dir.resolve("d.yaml").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo(
            dir.resolve("a.yaml")
                + ":4:11: error: apps[1].name \"web\" is already used by the app at "
                + dir.resolve("d.yaml")
                + ":5; names must be unique across included files");
  }

  @Test
  void anErrorInAnIncludedFileIsLocatedThere(@TempDir Path dir) throws IOException {
    write(dir, "d.yaml", DATABASE + "apps:\n  - name: web\n    replicas: 0\ninclude: [a.yaml]\n");
    write(dir, "a.yaml", "# team a\napps:\n  - name: bot\n    replicas: 0\n");

    ManifestCli.Result result = ManifestCli.plan(dir.resolve("d.yaml").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    // The including file's own problem first, then the included file's.
    assertThat(result.err().strip().lines())
        .containsExactly(
            dir.resolve("d.yaml") + ":6:15: error: apps[0].replicas must be at least 1 (got 0)",
            dir.resolve("a.yaml") + ":4:15: error: apps[0].replicas must be at least 1 (got 0)");
  }

  @Test
  void aManifestNamedByAnIncludedFileIsRelativeToIt(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("team"));
    write(dir, "d.yaml", DATABASE + "include: [team/a.yaml]\n");
    write(dir, "team/a.yaml", "apps:\n  - name: api\n    from: k8s.yaml\n");
    write(
        dir, "team/k8s.yaml", "kind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: many\n");

    ManifestCli.Result result = ManifestCli.plan(dir.resolve("d.yaml").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo(
            dir.resolve("team/k8s.yaml")
                + ":4:13: error: Deployment/api spec.replicas must be a whole number (got string"
                + " \"many\")");
  }

  @Test
  void anIncludedFileWithAnotherDatabaseIsRefused(@TempDir Path dir) throws IOException {
    write(dir, "d.yaml", DATABASE + "include: [a.yaml]\n");
    write(
        dir,
        "a.yaml",
        "database:\n  max_connections: 500\napps:\n  - name: web\n    replicas: 1\n");

    ManifestCli.Result result = ManifestCli.plan(dir.resolve("d.yaml").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            dir.resolve("a.yaml") + ":2:3: error: database differs from the including file's");
  }

  @Test
  void includesDoNotNest(@TempDir Path dir) throws IOException {
    write(dir, "d.yaml", DATABASE + "include: [a.yaml]\n");
    write(dir, "a.yaml", "apps:\n  - name: web\n    replicas: 1\ninclude: [b.yaml]\n");

    ManifestCli.Result result = ManifestCli.plan(dir.resolve("d.yaml").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            dir.resolve("a.yaml") + ":4:10: error: include is not allowed in an included file");
  }

  @Test
  void aMissingOrRepeatedIncludeIsRefusedAtItsEntry(@TempDir Path dir) throws IOException {
    write(dir, "d.yaml", DATABASE + "include:\n  - a.yaml\n  - nope.yaml\n  - ./a.yaml\n");
    write(dir, "a.yaml", "apps:\n  - name: web\n    replicas: 1\n");

    ManifestCli.Result result = ManifestCli.plan(dir.resolve("d.yaml").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip().lines())
        .containsExactly(
            dir.resolve("d.yaml")
                + ":6:5: error: include[1]: no such file: "
                + dir.resolve("nope.yaml")
                + " (paths are relative to the including file)",
            dir.resolve("d.yaml")
                + ":7:5: error: include[2]: "
                + dir.resolve("a.yaml")
                + " is this file or is listed twice; list each file once");
  }

  private static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }
}
