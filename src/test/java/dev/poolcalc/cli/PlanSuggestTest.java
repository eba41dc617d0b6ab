package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --suggest} end to end, on the deployment worked by hand in {@code
 * report.SuggestionTest}: budget 40; api (2 replicas, A = 1 per pool) needs 4, bot is capped at
 * today's 11, cron keeps its fixed 5; 24 of 40 open, 16 freed.
 */
class PlanSuggestTest {

  private static final String HAND_WORKED =
      "database:\n  name: shop\n  max_connections: 50\n  reserve: 10\n"
          + "apps:\n"
          + "  - name: api\n    replicas: 2\n"
          + "    demand: {requests_per_second: 200, db_time_ms: 10}\n"
          + "  - name: bot\n    replicas: 1\n"
          + "  - name: cron\n    replicas: 1\n    connection_limit: 5\n";

  @Test
  void tableShowsEachChangeTheBudgetFreedAndTheYamlToPaste(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("d.yaml"), HAND_WORKED);

    Cli.Result result = Cli.run("plan", file.toString(), "--suggest");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .contains("shop: budget 40 for the pools")
        .containsPattern("api +11  → +4  needed: 200 requests/s over 2 pools, 10 ms each")
        .containsPattern("bot +11  → +11  no demand: max_connection_limit at today's 11")
        .containsPattern("cron +5  → +5  no demand, fixed connection_limit: kept")
        .containsPattern("total +38  → +24 ")
        .contains("FITS: the suggested plan opens at most 24 of the budget of 40 and frees 16")
        .endsWith(
            "apps:\n"
                + "  - name: api\n    connection_limit: 4\n"
                + "  - name: bot\n    max_connection_limit: 11\n");
  }

  @Test
  void jsonIsOneStableObject(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("d.yaml"), HAND_WORKED);

    Cli.Result result = Cli.run("plan", file.toString(), "--suggest", "--format", "json");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .startsWith("{\n  \"fits\": true,\n  \"status\": \"ok\",\n  \"budget\": 40,")
        .contains("\"current_total_connections\": 38")
        .contains("\"suggested_total_connections\": 24")
        .contains("\"budget_freed\": 16")
        .contains(
            "\"name\": \"api\",\n      \"rule\": \"demand\",\n      \"current_limit\": 11,\n"
                + "      \"suggested_limit\": 4,\n      \"needed_limit\": 4,\n"
                + "      \"set\": {\n        \"connection_limit\": 4\n      },\n"
                + "      \"remove\": []")
        .contains(
            "\"yaml\": \"apps:\\n  - name: api\\n    connection_limit: 4\\n  - name: bot\\n"
                + "    max_connection_limit: 11\\n\"");
  }

  @Test
  void aNeedThatDoesNotFitGivesNothingToPaste(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("d.yaml"),
            HAND_WORKED.replace("requests_per_second: 200", "requests_per_second: 4000"));

    Cli.Result table = Cli.run("plan", file.toString(), "--suggest");
    Cli.Result json = Cli.run("plan", file.toString(), "--suggest", "--format", "json");

    assertThat(table.exitCode()).isZero();
    assertThat(table.out())
        .contains("DOES NOT FIT: api needs ")
        .contains("over the budget of 40. Nothing to paste")
        .doesNotContain("apps:\n");
    assertThat(json.out()).contains("\"fits\": false").contains("\"yaml\": null");
  }

  @Test
  void markdownIsRefused() {
    Cli.Result result =
        Cli.run("plan", "examples/production-demand.yaml", "--suggest", "--format", "markdown");

    assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("--suggest prints table or json, not markdown");
  }
}
