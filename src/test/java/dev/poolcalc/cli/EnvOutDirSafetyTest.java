package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code env --out-dir} under a race and on a disk that refuses: one run wins whole, the other is
 * refused whole, and a failed write says why. Before, two runs into one empty folder both succeeded
 * in 3 of 20 trials.
 */
class EnvOutDirSafetyTest {

  private static final String PRODUCTION = "examples/production.yaml";
  private static final List<String> FILES = List.of("exchanger-telegram.env", "exchanger-web.env");
  private static final int TRIALS = 50;

  @TempDir Path dir;

  private ExecutorService pool;

  @BeforeEach
  void startPool() {
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Each file in {@code folder} by name with its text; hidden (temporary) files included. */
  private static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(folder)) {
      for (Path p : list.toList()) {
        files.put(p.getFileName().toString(), Files.readString(p));
      }
    }
    return files;
  }

  /** What one run alone writes, to compare the race's winner with. */
  private Map<String, String> expected() throws IOException {
    Path alone = dir.resolve("alone");
    assertThat(Cli.run("env", PRODUCTION, "--out-dir", alone.toString()).exitCode()).isZero();
    Map<String, String> files = contents(alone);
    assertThat(files.keySet()).containsExactlyElementsOf(FILES);
    return files;
  }

  /** Two runs released together; their results in no particular order. */
  private List<Cli.Result> race(String... args) throws Exception {
    CountDownLatch ready = new CountDownLatch(2);
    CountDownLatch start = new CountDownLatch(1);
    Callable<Cli.Result> run =
        () -> {
          ready.countDown();
          start.await();
          return Cli.run(args);
        };
    Future<Cli.Result> a = pool.submit(run);
    Future<Cli.Result> b = pool.submit(run);
    ready.await();
    start.countDown();
    return List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
  }

  private void assertOneWinsWhole(Path out, boolean folderExisted) throws Exception {
    Map<String, String> expected = expected();
    for (int trial = 0; trial < TRIALS; trial++) {
      Path folder = out.resolve("trial-" + trial);
      if (folderExisted) {
        Files.createDirectories(folder);
      }

      List<Cli.Result> results = race("env", PRODUCTION, "--out-dir", folder.toString());

      List<Integer> codes = new ArrayList<>();
      results.forEach(r -> codes.add(r.exitCode()));
      assertThat(codes).as("trial %d: %s", trial, results).containsExactlyInAnyOrder(0, 2);
      Cli.Result loser = results.get(0).exitCode() == 2 ? results.get(0) : results.get(1);
      assertThat(loser.err())
          .as("trial %d", trial)
          .matches(
              "(?s)"
                  + java.util.regex.Pattern.quote(folder.toString())
                  + "/exchanger-(web|telegram)\\.env: error: already exists; nothing was written"
                  + " \\(pass --force to replace it\\)\n.*");
      assertThat(loser.out()).isEmpty();
      // The winner's files, whole, and nothing of the loser's: no temporary file left.
      assertThat(contents(folder)).as("trial %d", trial).isEqualTo(expected);
    }
  }

  @Test
  void twoRunsIntoOneEmptyFolderExactlyOneWins() throws Exception {
    assertOneWinsWhole(dir.resolve("empty"), true);
  }

  @Test
  void twoRunsCreatingOneFolderExactlyOneWins() throws Exception {
    // Both find the folder missing and create it: the one that loses that race is not refused
    // for it, only for the files.
    assertOneWinsWhole(dir.resolve("missing"), false);
  }

  @Test
  void twoForcedRunsCreatingOneFolderBothSucceed() throws Exception {
    Map<String, String> expected = expected();
    for (int trial = 0; trial < TRIALS; trial++) {
      Path folder = dir.resolve("forced").resolve("trial-" + trial);

      List<Cli.Result> results = race("env", PRODUCTION, "--out-dir", folder.toString(), "--force");

      assertThat(results).as("trial %d", trial).allMatch(r -> r.exitCode() == 0);
      assertThat(contents(folder)).as("trial %d", trial).isEqualTo(expected);
    }
  }

  @Test
  void aFolderUnderAFileFailsWithTheReason() throws IOException {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    Path out = file.resolve("env");

    Cli.Result r = Cli.run("env", PRODUCTION, "--out-dir", out.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.WRITE_FAILED);
    assertThat(r.err())
        .isEqualTo(out + ": error: cannot write: not a directory; nothing was written\n");
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void aReadOnlyFolderFailsWithPermissionDenied() throws IOException {
    Path out = Files.createDirectory(dir.resolve("read-only"));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-x------"));
    if (Files.isWritable(out)) {
      // Root writes whatever the mode says; the folder under a file above covers the reason.
      System.out.println("skipped: running as root, who may write into a read-only folder");
      org.junit.jupiter.api.Assumptions.abort("root ignores the folder's mode");
    }

    Cli.Result r = Cli.run("env", PRODUCTION, "--out-dir", out.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.WRITE_FAILED);
    assertThat(r.err())
        .isEqualTo(
            out.resolve("exchanger-web.env")
                + ": error: cannot write: permission denied; nothing was written\n");
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aFolderItCreatesIsPrivateUnderAPermissiveUmask() throws Exception {
    // umask is per process and Java cannot set it: run poolcalc under a shell that does.
    Path out = dir.resolve("made").resolve("env");
    Path control = dir.resolve("control");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                "umask 000 && mkdir \"$3\" && exec \"$0\" -cp \"$1\" dev.poolcalc.cli.Main env"
                    + " examples/production.yaml --out-dir \"$2\"",
                java,
                System.getProperty("java.class.path"),
                out.toString(),
                control.toString())
            .redirectErrorStream(true)
            .start();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(printed).isZero();
    // The umask was in force: a folder made without asking for a mode is open to all.
    assertThat(mode(control)).isEqualTo("rwxrwxrwx");
    assertThat(mode(out)).isEqualTo("rwx------");
    assertThat(mode(out.getParent())).isEqualTo("rwx------");
    for (String name : FILES) {
      assertThat(mode(out.resolve(name))).isEqualTo("rw-------");
    }
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
