package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launches the packaged jar as a user would: a real process, real exit code, real streams. */
class JarIT {

  private static final Path JAR = Path.of("target/poolcalc.jar");

  record Run(int exitCode, String out, String err) {}

  static Run launch(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("poolcalc finished").isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void packagedJarPlansTheProductionExample(@TempDir Path dir) throws Exception {
    Run run = launch(dir, "plan", "examples/production.yaml", "--format", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("\"connection_limit\": 17")
        .contains("\"total_connections\": 85")
        .contains("\"status\": \"ok\"");
  }

  @Test
  void packagedJarReportsBadInputWithoutAStackTrace(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "database:\n  max_connections: x\n");

    Run run = launch(dir, "plan", bad.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(bad + ":2:20: error: database.max_connections must be a whole number")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void packagedJarPrintsItsVersion(@TempDir Path dir) throws Exception {
    Run run = launch(dir, "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("poolcalc ").doesNotContain("unknown");
  }
}
