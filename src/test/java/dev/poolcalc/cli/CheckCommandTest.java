package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

  private static final String SCENARIO_2 = "examples/scenario-2-scaled-out.yaml";
  private static final String SCENARIO_3 = "examples/scenario-3-optimized.yaml";

  @TempDir Path dir;

  /** Web fixed at 3 × 30 = 90: over the budget of 85, under the 97 ordinary roles get. */
  private Path overBudget() throws IOException {
    return write(
        "over-budget.yaml",
        "database:\n"
            + "  max_connections: 100\n"
            + "  reserve: 15\n"
            + "apps:\n"
            + "  - name: web\n"
            + "    replicas: 3\n"
            + "    connection_limit: 30\n");
  }

  private Path invalid() throws IOException {
    return write(
        "invalid.yaml",
        "database:\n"
            + "  max_connections: 100\n"
            + "apps:\n"
            + "  - name: web\n"
            + "    replicas: 0\n");
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void checkPassesWhenThePlanFits() {
    Cli.Result r = Cli.run("check", SCENARIO_3);
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("PASS  " + SCENARIO_3 + "  status ok", "check passed");
  }

  @Test
  void checkFailsWhenScenarioTwoExceedsUsableAndSaysWhy() {
    Cli.Result r = Cli.run("check", SCENARIO_2);
    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.out())
        .contains(
            "FAIL  " + SCENARIO_2 + "  status error",
            "exchanger-web holds the most: its 3 × 20 = 60 of the 100 connections the pools"
                + " need, 3 past the 97 connections ordinary roles can get",
            "what would fit the budget of 85, any one of:",
            "- lower exchanger-web to connection_limit 15 (from 20): total 85",
            "- lower exchanger-telegram to connection_limit 12 (from 20): total 84",
            "- raise max_connections to 118 (from 100): budget 100, total 100",
            "check failed: the plan does not fit");
  }

  @Test
  void warningPassesWithoutStrict() throws IOException {
    Cli.Result r = Cli.run("check", overBudget().toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .contains(
            "status warning (--strict fails on warnings)",
            "90 connections the pools need, 5 past the budget of 85");
  }

  @Test
  void warningFailsWithStrict() throws IOException {
    Cli.Result r = Cli.run("check", "--strict", overBudget().toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.out()).contains("FAIL", "lower web to connection_limit 28 (from 30)");
  }

  @Test
  void strictStillPassesAPlanThatFits() {
    assertThat(Cli.run("check", "--strict", SCENARIO_3).exitCode()).isEqualTo(ExitCode.OK);
  }

  @Test
  void invalidInputExitsTwoWithTheProblemOnStandardError() throws IOException {
    Path bad = invalid();
    Cli.Result r = Cli.run("check", bad.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains(bad + ":5:15: error: apps[0].replicas must be at least 1 (got 0)");
    assertThat(r.out()).contains("INVALID", "check failed: the file is not valid input");
  }

  @Test
  void missingFileIsInvalidInput() {
    Cli.Result r = Cli.run("check", dir.resolve("nope.yaml").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains("no such file");
  }

  @Test
  void severalFilesWorstStatusWins() throws IOException {
    assertThat(Cli.run("check", SCENARIO_3, overBudget().toString()).exitCode())
        .isEqualTo(ExitCode.OK);
    Cli.Result failed = Cli.run("check", SCENARIO_3, SCENARIO_2);
    assertThat(failed.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(failed.out()).contains("check failed: 1 of 2 plans does not fit");
    Cli.Result invalid = Cli.run("check", SCENARIO_2, invalid().toString(), SCENARIO_3);
    assertThat(invalid.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(invalid.out())
        .contains("PASS  " + SCENARIO_3, "FAIL  " + SCENARIO_2, "1 of 3 files is not valid input");
  }

  @Test
  void jsonCarriesVerdictOverrunSuggestionsAndPlan() throws IOException {
    Cli.Result r = Cli.run("check", "--format", "json", SCENARIO_2, SCENARIO_3);
    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("status").asText()).isEqualTo("error");
    assertThat(json.get("passed").asBoolean()).isFalse();
    JsonNode first = json.get("files").get(0);
    assertThat(first.get("file").asText()).isEqualTo(SCENARIO_2);
    assertThat(first.get("overrun").get("app").asText()).isEqualTo("exchanger-web");
    assertThat(first.get("overrun").get("excess").asLong()).isEqualTo(3);
    assertThat(first.get("suggestions").get(0).get("change").asText())
        .isEqualTo("lower_connection_limit");
    assertThat(first.get("suggestions").get(0).get("to").asLong()).isEqualTo(15);
    assertThat(first.get("plan").get("total_connections").asLong()).isEqualTo(100);
    JsonNode second = json.get("files").get(1);
    assertThat(second.get("passed").asBoolean()).isTrue();
    assertThat(second.has("overrun")).isFalse();
  }

  @Test
  void jsonListsTheProblemsOfAnInvalidFile() throws IOException {
    Cli.Result r = Cli.run("check", "--format", "json", invalid().toString());
    JsonNode file = new ObjectMapper().readTree(r.out()).get("files").get(0);
    assertThat(file.get("status").asText()).isEqualTo("invalid");
    assertThat(file.get("problems").get(0).get("line").asInt()).isEqualTo(5);
    assertThat(file.get("problems").get(0).get("message").asText())
        .contains("apps[0].replicas must be at least 1");
  }

  @Test
  void githubAnnotationsPointAtTheAppLines() {
    Cli.Result r = Cli.run("check", "--format", "github", SCENARIO_2);
    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    // scenario 2 writes exchanger-web at line 11 and exchanger-telegram at line 14.
    assertThat(r.out().lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "::error file="
                            + SCENARIO_2
                            + ",line=11,col=5,title=poolcalc%3A connection pools do not"
                            + " fit::ERROR:")
                    .contains("%0Aexchanger-web holds the most")
                    .contains("%0A- raise max_connections to 118"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .isEqualTo(
                        "::notice file="
                            + SCENARIO_2
                            + ",line=11,col=5,title=poolcalc%3A what would fit::lower"
                            + " exchanger-web to connection_limit 15 (from 20): total 85"));
    assertThat(r.out()).contains("FAIL  " + SCENARIO_2);
  }

  @Test
  void githubWarningIsAWarningAnnotationUnlessStrict() throws IOException {
    String file = overBudget().toString();
    assertThat(Cli.run("check", "--format", "github", file).out()).startsWith("::warning file=");
    assertThat(Cli.run("check", "--format", "github", "--strict", file).out())
        .startsWith("::error file=");
  }

  @Test
  void githubAnnotatesInvalidInputAtItsLineAndColumn() throws IOException {
    Path bad = invalid();
    Cli.Result r = Cli.run("check", "--format", "github", bad.toString());
    assertThat(r.out())
        .contains(
            "::error file="
                + bad.toString().replace(":", "%3A").replace(",", "%2C")
                + ",line=5,col=15,title=poolcalc%3A invalid input::apps[0].replicas must be at"
                + " least 1 (got 0)");
  }

  @Test
  void githubAppendsTheMarkdownSummaryToTheStepSummaryFile() throws IOException {
    Path summary = write("summary.md", "earlier step\n");
    Cli.Result r =
        Cli.run(
            Map.of(dev.poolcalc.output.StepSummary.VARIABLE, summary.toString()),
            "",
            "check",
            "--format",
            "github",
            SCENARIO_2,
            SCENARIO_3);
    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    String text = Files.readString(summary);
    assertThat(text)
        .startsWith("earlier step\n## poolcalc check: ❌ failed\n")
        .contains("| `" + SCENARIO_2 + "` | error | **fail** |")
        .contains("| `" + SCENARIO_3 + "` | ok | pass |")
        .contains("**exchanger-web holds the most")
        .contains("- lower exchanger-web to connection_limit 15 (from 20): total 85")
        .contains("### Connection pools for `exchanger_db`: ❌ error");
  }

  @Test
  void stepSummaryIsOnlyWrittenForTheGithubFormat() throws IOException {
    Path summary = write("summary.md", "");
    Cli.run(
        Map.of(dev.poolcalc.output.StepSummary.VARIABLE, summary.toString()),
        "",
        "check",
        SCENARIO_2);
    assertThat(Files.readString(summary)).isEmpty();
  }

  @Test
  void unwritableStepSummaryWarnsButKeepsTheVerdict() {
    Cli.Result r =
        Cli.run(
            Map.of(dev.poolcalc.output.StepSummary.VARIABLE, dir.toString()),
            "",
            "check",
            "--format",
            "github",
            SCENARIO_3);
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.err()).contains("warning: cannot append the summary to $GITHUB_STEP_SUMMARY");
  }

  @Test
  void markdownFormatPrintsTheSummary() {
    Cli.Result r = Cli.run("check", "--format", "markdown", SCENARIO_3);
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("## poolcalc check: ✅ passed\n");
  }

  @Test
  void checkReadsStandardInput() throws IOException {
    String text = Files.readString(Path.of(SCENARIO_2));
    Cli.Result r = Cli.run(Map.of(), text, "check", "--format", "github", "-");
    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.out()).startsWith("::error title=poolcalc%3A connection pools do not fit::");
  }

  @Test
  void atLeastOneFileIsRequired() {
    Cli.Result r = Cli.run("check");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains("FILE");
  }

  @Test
  void githubAnnotationsNameFilesFromTheWorkspace() throws IOException {
    Path example = Path.of("examples/scenario-2-scaled-out.yaml").toAbsolutePath();
    Path workspace = Path.of("").toAbsolutePath();

    Cli.Result absolute =
        Cli.run(
            java.util.Map.of("GITHUB_WORKSPACE", workspace.toString()),
            "",
            "check",
            example.toString(),
            "--format",
            "github");
    Cli.Result outside =
        Cli.run(
            java.util.Map.of("GITHUB_WORKSPACE", workspace.resolve("src").toString()),
            "",
            "check",
            example.toString(),
            "--format",
            "github");

    // Scenario 2's overrun is on exchanger-web, line 11 (README, "GitHub Actions").
    assertThat(absolute.out())
        .startsWith("::error file=examples/scenario-2-scaled-out.yaml,line=11,col=5,");
    // A file outside the workspace keeps the path it was given.
    assertThat(outside.out())
        .startsWith("::error file=" + example.toString().replace(":", "%3A") + ",");
  }

  @Test
  void demandFailsOnlyWithDemandAndSaysThePlanFitsTheServer() {
    // 660 requests/s over 3 site pools = 220/s each, 80 ms each: A = 17.6 busy on average
    // against a limit of floor(85 / 5) = 17, so the site's pools are saturated.
    String saturated = "examples/production-demand.yaml";
    Cli.Result without = Cli.run("check", saturated);
    assertThat(without.exitCode()).isEqualTo(ExitCode.OK);
    Cli.Result with = Cli.run("check", saturated, "--demand");
    assertThat(with.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(with.out())
        .contains("[pool-saturated]")
        .contains("check failed: the plan fits the server, but a pool is too small for its demand");
    // Capping the bot at 2 leaves floor((85 − 2 × 2) / 3) = 27 for each site pool: it passes.
    Cli.Result capped = Cli.run("check", "examples/production-demand-capped.yaml", "--demand");
    assertThat(capped.exitCode()).as(capped.out()).isEqualTo(ExitCode.OK);
  }
}
