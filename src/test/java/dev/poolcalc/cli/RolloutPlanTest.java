package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutPlanTest {

  private static final String WEB_ROLLING =
      """
      database:
        max_connections: 100
        reserve: 15
        url: postgresql://app:s3cret@db.internal:5432/shop?connection_limit=20
      apps:
        - name: web
          replicas: 3
          rollout:
            strategy: rolling
            max_surge: 25%
            max_unavailable: 25%
        - name: bot
          replicas: 2
          client: prisma-pg
      """;

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("deployment.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void aRolling3ReplicaWebAt25PercentPlansFor3Plus1Plus0Instances() throws IOException {
    Cli.Result result = Cli.run("plan", write(WEB_ROLLING).toString(), "--format", "json");

    assertThat(result.exitCode()).isZero();
    List<Map<String, String>> apps = apps(result.out());
    assertThat(apps.get(0))
        .containsEntry("name", "web")
        .containsEntry("replicas", "4")
        .containsEntry("steady_replicas", "3")
        .containsEntry("instances", "4")
        .containsEntry("surge_replicas", "1")
        .containsEntry("terminating_replicas", "0");
    // DESIGN.md's arithmetic with the peak: floor(85 / (4 + 2)) = 14, total 6 × 14 = 84.
    assertThat(apps).extracting(a -> a.get("connection_limit")).containsOnly("14");
    assertThat(result.out())
        .contains("\"total_connections\": 84")
        .contains("\"total_instances\": 6");
  }

  @Test
  void thePrismaPgAppsUrlHasNoConnectionLimitAndItsSettingsCarryTheMax() throws IOException {
    Cli.Result result = Cli.run("plan", write(WEB_ROLLING).toString(), "--format", "json");

    Map<String, String> bot = apps(result.out()).get(1);
    assertThat(bot.get("database_url"))
        .isEqualTo("postgresql://app:****@db.internal:5432/shop?application_name=bot")
        .doesNotContain("connection_limit");
    assertThat(bot).containsEntry("client", "prisma-pg").containsEntry("max", "14");
    assertThat(result.out()).contains("\"code\": \"prisma-url-params-ignored\"");
  }

  @Test
  void theTableShowsSteadyAndPeakReplicas() throws IOException {
    Cli.Result result = Cli.run("plan", write(WEB_ROLLING).toString());

    assertThat(result.out())
        .containsPattern("APP\\s+REPLICAS  PEAK  INSTANCES") // PROCESSES: only when some app has 2+
        .containsPattern("web\\s+3\\s+4\\s+4\\s+14")
        .containsPattern(
            "peak\\(web\\)\\s+= 3 \\+ ceil\\(3 × 25%\\) \\+ floor\\(3 × 25%\\) = 3 \\+ 1 \\+ 0 = 4");
  }

  @Test
  void aFileWithoutRolloutsPlansAndPrintsAsBefore() throws IOException {
    Cli.Result result = Cli.run("plan", "examples/production.yaml");

    assertThat(result.out())
        .doesNotContain("PEAK")
        .contains("APP                 REPLICAS  INSTANCES");
    assertThat(apps(Cli.run("plan", "examples/production.yaml", "--format", "json").out()))
        .extracting(
            a ->
                a.get("replicas")
                    + "/"
                    + a.get("steady_replicas")
                    + "/"
                    + a.get("connection_limit"))
        .containsExactly("3/3/17", "2/2/17");
  }

  @Test
  void theExampleFilePlansAsItsCommentSays() {
    Cli.Result result = Cli.run("plan", "examples/rollout-and-clients.yaml", "--format", "json");

    assertThat(result.exitCode()).isZero();
    assertThat(apps(result.out()))
        .extracting(a -> a.get("name") + " " + a.get("replicas") + "×" + a.get("processes"))
        .containsExactly(
            "exchanger-web 4×1", "exchanger-telegram 2×1", "billing-api 5×1", "reports-worker 2×4");
    assertThat(result.out())
        .contains("\"total_instances\": 19")
        .contains("\"budget\": 170")
        .contains("\"connection_limit\": 8");
  }

  @Test
  void aBadRolloutValueExitsTwoWithItsLocationAndNoStackTrace() throws IOException {
    Path file = write(WEB_ROLLING.replace("max_surge: 25%", "max_surge: lots"));

    Cli.Result result = Cli.run("plan", file.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            file
                + ":10:18: error: apps[0].rollout.max_surge must be a whole number of replicas or a"
                + " percentage such as \"25%\" (got \"lots\")\n");
  }

  /** Each app's scalar fields, nested objects flattened, values as JSON text. */
  private static List<Map<String, String>> apps(String json) {
    List<Map<String, String>> apps = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("apps")) {
          p.nextToken();
          while (p.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> app = new LinkedHashMap<>();
            int depth = 1;
            while (depth > 0) {
              JsonToken t = p.nextToken();
              if (t == JsonToken.START_OBJECT) {
                depth++;
              } else if (t == JsonToken.END_OBJECT) {
                depth--;
              } else if (t.isScalarValue()) {
                app.put(p.currentName(), p.getText());
              }
            }
            apps.add(app);
          }
          return apps;
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return apps;
  }
}
