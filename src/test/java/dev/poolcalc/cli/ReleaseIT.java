package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive ({@code mvn -B -Prelease verify}) as a user gets it: unpacked into a
 * temporary folder and run from another one, through a symlink, with only a JDK. Without the
 * release profile there is no archive and these tests are skipped with that reason.
 */
class ReleaseIT {

  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final String NAME = "poolcalc-" + VersionProvider.version();
  private static final Path TAR = TARGET.resolve(NAME + ".tar.gz");
  private static final Path ZIP = TARGET.resolve(NAME + ".zip");

  @BeforeAll
  static void archiveWasBuilt() {
    boolean built = Files.isRegularFile(TAR) && Files.isRegularFile(ZIP);
    if (!built && Boolean.getBoolean("poolcalc.release")) {
      throw new AssertionError("the release profile did not build " + TAR);
    }
    if (!built) {
      System.err.println("SKIPPED ReleaseIT: no " + TAR + " (build it with -Prelease)");
    }
    Assumptions.assumeTrue(built, "no release archive; build it with mvn -Prelease verify");
  }

  private static Path unpack(Path dir) throws Exception {
    LauncherIT.Run tar =
        LauncherIT.run(dir, List.of("tar", "xzf", TAR.toString(), "-C", dir.toString()));
    assertThat(tar.exitCode()).as(tar.err()).isZero();
    return dir.resolve(NAME);
  }

  @Test
  void unpackedArchivePlansFromAnotherFolderThroughASymlink(@TempDir Path dir) throws Exception {
    Path home = unpack(Files.createDirectory(dir.resolve("opt")));
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("poolcalc"), home.resolve("bin/poolcalc"));
    Path work = Files.createDirectory(dir.resolve("work"));
    Files.copy(Path.of("examples/production.yaml"), work.resolve("deploy.yaml"));

    LauncherIT.Run first = LauncherIT.launch(work, link, "plan", "deploy.yaml");
    LauncherIT.Run second = LauncherIT.launch(work, link, "plan", "deploy.yaml");

    assertThat(first.exitCode()).as(first.err()).isZero();
    // The source document's 3 + 2 replicas: floor(85 / 5) = 17 each.
    assertThat(first.out()).contains("exchanger-web").contains(" 17 ");
    assertThat(first.err()).isEmpty();
    // The first run made the class-data archive beside the jar; it changes nothing printed.
    assertThat(home.resolve("lib/poolcalc.jsa")).isRegularFile();
    assertThat(second.out()).isEqualTo(first.out());
  }

  @Test
  void versionNamesTheBuildAndItsCommit(@TempDir Path dir) throws Exception {
    Path home = unpack(dir);

    LauncherIT.Run run = LauncherIT.launch(dir, home.resolve("bin/poolcalc"), "--version");

    assertThat(run.out())
        .matches("poolcalc " + NAME.substring(9) + " \\(commit [0-9a-f]{7,40}\\)\\n");
  }

  @Test
  void archiveHoldsCompletionLicenseSbomAndChecksumsThatMatch(@TempDir Path dir) throws Exception {
    Path home = unpack(dir);

    assertThat(home.resolve("LICENSE")).isRegularFile();
    assertThat(home.resolve("lib/poolcalc.jar")).isRegularFile();
    assertThat(Files.readString(home.resolve("sbom/poolcalc.cdx.json")))
        .contains("\"bomFormat\" : \"CycloneDX\"")
        .contains("\"name\" : \"picocli\"");
    assertThat(Files.readString(home.resolve("completion/_poolcalc"))).startsWith("#compdef");
    LauncherIT.Run sums = LauncherIT.run(home, List.of("sha256sum", "-c", "SHA256SUMS"));
    assertThat(sums.exitCode()).as(sums.out() + sums.err()).isZero();
    assertThat(sums.out().lines())
        .contains(
            "bin/poolcalc: OK",
            "lib/poolcalc.jar: OK",
            "completion/poolcalc.bash: OK",
            "sbom/poolcalc.cdx.json: OK");
    LauncherIT.Run outer =
        LauncherIT.run(TARGET, List.of("sha256sum", "-c", NAME + ".tar.gz.sha256"));
    assertThat(outer.exitCode()).as(outer.out()).isZero();
  }

  @Test
  void completionFromTheArchiveCompletesSubcommandsInBash(@TempDir Path dir) throws Exception {
    Path home = unpack(dir);
    String script =
        "source <("
            + home.resolve("bin/poolcalc")
            + " completion bash)\n"
            + "COMP_WORDS=(poolcalc re); COMP_CWORD=1; _complete_poolcalc 2>/dev/null;"
            + " echo \"${COMPREPLY[*]}\"\n";
    Path file = Files.writeString(dir.resolve("t.sh"), script);

    LauncherIT.Run run = LauncherIT.run(dir, List.of("bash", "--norc", file.toString()));

    assertThat(run.out()).isEqualTo("rehearse\n");
  }

  @Test
  void zipHoldsTheLauncherJarAndChecksums() throws IOException {
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      assertThat(zip.stream().map(e -> e.getName()).toList())
          .contains(NAME + "/bin/poolcalc", NAME + "/lib/poolcalc.jar", NAME + "/SHA256SUMS");
    }
  }
}
