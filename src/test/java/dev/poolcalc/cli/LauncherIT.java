package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the launcher that {@code package} writes beside the jar ({@code target/poolcalc}) as a user
 * would: from another directory, through a symlink, with an archive that does not fit.
 */
class LauncherIT {

  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final Path LAUNCHER = TARGET.resolve("poolcalc");
  private static final Path PRODUCTION = Path.of("examples/production.yaml").toAbsolutePath();

  record Run(int exitCode, String out, String err) {}

  /** Runs {@code command} in {@code dir} with the JDK that built the archive. */
  static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("poolcalc finished").isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  static Run launch(Path dir, Path launcher, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    return run(dir, command);
  }

  @Test
  void launcherPlansFromAnotherWorkingDirectory(@TempDir Path dir) throws Exception {
    Run run = launch(dir, LAUNCHER, "plan", PRODUCTION.toString(), "--format", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("{").contains("\"connection_limit\": 17");
  }

  @Test
  void launcherPassesArgumentsWithSpacesAndTheExitCodeThrough(@TempDir Path dir) throws Exception {
    Files.copy(PRODUCTION, dir.resolve("my deployment.yaml"));

    Run ok = launch(dir, LAUNCHER, "plan", "my deployment.yaml");
    Run missing = launch(dir, LAUNCHER, "plan", "no such file.yaml");

    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).contains("exchanger-web");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err()).isEqualTo("no such file.yaml: error: no such file\n");
  }

  @Test
  void launcherFindsItsJarThroughARelativeSymlink(@TempDir Path dir) throws Exception {
    Path app = Files.createDirectory(dir.resolve("app"));
    Files.copy(LAUNCHER, app.resolve("poolcalc"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(TARGET.resolve("poolcalc.jar"), app.resolve("poolcalc.jar"));
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("poolcalc"), Path.of("../app/poolcalc"));

    Run run = launch(dir, link, "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("poolcalc ");
  }

  @Test
  void packagedArchiveFitsThePackagedJar(@TempDir Path dir) throws Exception {
    // -Xshare:on makes an archive that does not fit this JDK and jar a fatal error.
    Run run =
        run(
            dir,
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + TARGET.resolve("poolcalc.jsa"),
                "-Xshare:on",
                "-jar",
                TARGET.resolve("poolcalc.jar").toString(),
                "--version"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("poolcalc ");
  }

  @Test
  void launcherRunsWithoutAnArchiveThatDoesNotFit(@TempDir Path dir) throws Exception {
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Files.copy(LAUNCHER, bin.resolve("poolcalc"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(TARGET.resolve("poolcalc.jar"), bin.resolve("poolcalc.jar"));
    Files.writeString(bin.resolve("poolcalc.jsa"), "not an archive");

    Run run =
        launch(dir, bin.resolve("poolcalc"), "plan", PRODUCTION.toString(), "--format", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("{").contains("\"connection_limit\": 17");
  }
}
