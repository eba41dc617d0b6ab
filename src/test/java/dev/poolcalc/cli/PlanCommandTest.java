package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

  private static final String PRODUCTION = "examples/production.yaml";

  @Test
  void jsonOutputCarriesTheDesignContractKeys() {
    Cli.Result result = Cli.run("plan", PRODUCTION, "--format", "json");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("\"max_connections\": 100")
        .contains("\"reserve\": 15")
        .contains("\"budget\": 85")
        .contains("\"usable_connections\": 97")
        .contains("\"total_connections\": 85")
        .contains("\"free_connections\": 15")
        .contains("\"status\": \"ok\"")
        .contains(
            "\"database_url\": \"postgresql://app@db.internal:5432/exchanger_db"
                + "?connection_limit=17&pool_timeout=20&connect_timeout=5"
                + "&application_name=exchanger-web\"");
  }

  @Test
  void tableShowsTheArithmeticWithNumbersFilledIn() {
    Cli.Result result = Cli.run("plan", PRODUCTION);

    assertThat(result.out())
        .contains(
            "connection_limit = floor(min((100 − 15) / 5, 100 × 0.85 / 5)) = floor(min(17, 17)) = 17")
        .contains("OK: the pools open at most 85 of 100 connections");
  }

  @Test
  void readsTheDeploymentFromStandardInput() throws IOException {
    String yaml = Files.readString(Path.of(PRODUCTION));

    Cli.Result result = Cli.run(Map.of(), yaml, "plan", "-", "--format", "json");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("\"connection_limit\": 17");
  }

  @Test
  void passwordInTheBaseUrlIsMasked(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("d.yaml"),
            "database:\n  max_connections: 100\n"
                + "  url: postgresql://app:Sup3r%2Fsecret@db:5432/app\n"
                + "apps:\n  - name: web\n    replicas: 2\n");

    for (String format : new String[] {"table", "json", "markdown"}) {
      Cli.Result result = Cli.run("plan", file.toString(), "--format", format);
      assertThat(result.out()).doesNotContain("Sup3r").doesNotContain("secret");
    }
    assertThat(Cli.run("plan", file.toString()).out())
        .contains("postgresql://app:****@db:5432/app?");
  }

  @Test
  void existingUrlParametersAreKeptAndOursReplaced(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("d.yaml"),
            "database:\n  max_connections: 100\n  reserve: 15\n"
                + "  url: postgresql://app@db/app?sslmode=require&connection_limit=99&schema=x&connection_limit=3\n"
                + "apps:\n  - name: web\n    replicas: 5\n");

    Cli.Result result = Cli.run("plan", file.toString(), "--format", "json");

    assertThat(result.out())
        .contains(
            "postgresql://app@db/app?sslmode=require&connection_limit=17&schema=x"
                + "&pool_timeout=20&connect_timeout=5&application_name=web");
  }

  @Test
  void badBaseUrlIsRefusedAtItsLocation(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("d.yaml"),
            "database:\n  max_connections: 100\n  url: mysql://app@db/app\n"
                + "apps:\n  - name: web\n    replicas: 2\n");

    Cli.Result result = Cli.run("plan", file.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .contains(file + ":3:8: error: database.url is not a usable connection URL");
  }

  @Test
  void everyProblemIsReportedNotJustTheFirst(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("d.yaml"),
            "database:\n  max_connections: 0\napps:\n  - name: a b\n    replicas: 0\n");

    Cli.Result result = Cli.run("plan", file.toString());

    assertThat(result.err().lines()).hasSize(3);
    assertThat(result.err())
        .contains(":2:20: error: database.max_connections")
        .contains(":4:11: error: apps[0].name")
        .contains(":5:15: error: apps[0].replicas");
  }

  @Test
  void missingFileAndDirectoryAreInvalidInput(@TempDir Path dir) {
    Cli.Result missing = Cli.run("plan", dir.resolve("nope.yaml").toString());
    Cli.Result directory = Cli.run("plan", dir.toString());

    assertThat(missing.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(missing.err()).isEqualTo(dir.resolve("nope.yaml") + ": error: no such file\n");
    assertThat(directory.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(directory.err()).contains("error: is a directory");
  }

  @Test
  void notUtf8IsRefused(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("d.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

    Cli.Result result = Cli.run("plan", file.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("is not UTF-8 text");
  }

  @Test
  void unknownFormatAndMissingFileArgumentAreUsageErrors() {
    Cli.Result badFormat = Cli.run("plan", PRODUCTION, "--format", "xml");
    Cli.Result noFile = Cli.run("plan");
    Cli.Result noCommand = Cli.run();

    assertThat(badFormat.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(badFormat.err()).contains("--format").contains("table, json, markdown");
    assertThat(noFile.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(noFile.err()).contains("Missing required parameter: 'FILE'");
    assertThat(noCommand.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(noCommand.err()).contains("missing command");
  }

  @Test
  void helpListsCommandsAndExamples() {
    Cli.Result top = Cli.run("--help");
    Cli.Result plan = Cli.run("plan", "--help");

    assertThat(top.exitCode()).isZero();
    assertThat(top.out()).contains("plan").contains("Examples:").contains("Exit status");
    assertThat(plan.exitCode()).isZero();
    assertThat(plan.out())
        .contains("--format")
        .contains("poolcalc plan deployment.yaml --format json");
  }

  @Test
  void everyCommandAnswersHelpWithExamples() {
    picocli.CommandLine cli = new picocli.CommandLine(new Main.Poolcalc(Context.system()));
    for (String name : cli.getSubcommands().keySet()) {
      if (name.equals("help")) {
        continue;
      }
      Cli.Result help = Cli.run(name, "--help");

      assertThat(help.exitCode()).as("%s --help", name).isZero();
      assertThat(help.out())
          .as("%s --help", name)
          .contains("Usage: poolcalc " + name)
          .contains("Examples:");
    }
  }

  @Test
  void versionComesFromTheBuild() {
    Cli.Result result = Cli.run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).matches("poolcalc \\d+\\.\\d+\\.\\d+.*\\n");
  }

  @Test
  void colourOnlyOnATerminalWithoutNoColor() throws IOException {
    String ansi = "\u001B[";

    assertThat(runOnTerminal(Map.of())).contains(ansi);
    assertThat(runOnTerminal(Map.of("NO_COLOR", "1"))).doesNotContain(ansi);
    assertThat(runOnTerminal(Map.of("TERM", "dumb"))).doesNotContain(ansi);
    assertThat(Cli.run("plan", PRODUCTION).out()).doesNotContain(ansi);
  }

  private static String runOnTerminal(Map<String, String> env) {
    java.io.StringWriter out = new java.io.StringWriter();
    Context terminal = new Context(java.io.InputStream.nullInputStream(), env, true);
    Main.run(
        terminal,
        new java.io.PrintWriter(out),
        new java.io.PrintWriter(new java.io.StringWriter()),
        "plan",
        PRODUCTION);
    return out.toString();
  }
}
