package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvCommandTest {

  private static final String PRODUCTION = "examples/production.yaml";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final String WEB_URL =
      "postgresql://app@db.internal:5432/exchanger_db?connection_limit=17&pool_timeout=20"
          + "&connect_timeout=5&application_name=exchanger-web";
  private static final String TELEGRAM_URL =
      "postgresql://app@db.internal:5432/exchanger_db?connection_limit=17&pool_timeout=20"
          + "&connect_timeout=5&application_name=exchanger-telegram";

  @TempDir Path dir;

  /** Every entry under {@code root}, hidden ones included, with its bytes and mode. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        String content =
            Files.isRegularFile(p) ? Arrays.toString(Files.readAllBytes(p)) : "<directory>";
        entries.put(root.relativize(p).toString(), mode + " " + content);
      }
    }
    return entries;
  }

  private static Map<String, String> readEnv(Path file) throws IOException {
    return DotenvReader.read(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void printsOneBlockPerAppWithItsArithmetic() {
    Cli.Result r = Cli.run("env", PRODUCTION);
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .contains(
            "# exchanger-web: 3 replicas × 1 process = 3 instances × connection_limit 17 = 51"
                + " connections\n"
                + "# connection_limit 17 = floor(85 / 5): 85 connections shared equally by 5"
                + " instances\n",
            "# exchanger-telegram: 2 replicas × 1 process = 2 instances");
    assertThat(r.out().indexOf("exchanger-web:"))
        .isLessThan(r.out().indexOf("exchanger-telegram:"));
  }

  @Test
  void printedLinesReadBackWithDotenvRules() {
    Map<String, String> values =
        DotenvReader.read(Cli.run("env", PRODUCTION, "--app", "exchanger-web").out());
    assertThat(values).containsExactly(Map.entry("DATABASE_URL", WEB_URL));
  }

  @Test
  void varRenamesTheVariable() {
    Cli.Result r = Cli.run("env", PRODUCTION, "--app", "exchanger-telegram", "--var", "PRISMA_URL");
    assertThat(DotenvReader.read(r.out())).containsExactly(Map.entry("PRISMA_URL", TELEGRAM_URL));
  }

  @Test
  void badVariableNameIsAUsageError() {
    Cli.Result r = Cli.run("env", PRODUCTION, "--var", "DATABASE-URL");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains("--var").contains("\"DATABASE-URL\" is not a variable name");
  }

  @Test
  void unknownAppIsAUsageErrorListingTheApps() {
    Cli.Result r = Cli.run("env", PRODUCTION, "--app", "exchanger-api");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err())
        .contains("no app named \"exchanger-api\"; the apps are exchanger-web, exchanger-telegram");
  }

  @Test
  void withoutABaseUrlThereIsNothingToRender() {
    Cli.Result r = Cli.run("env", "examples/scenario-3-optimized.yaml");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains("database.url is not set");
  }

  @Test
  void aPlanThatDoesNotFitWritesNothing() throws IOException {
    Path file = dir.resolve("over.yaml");
    Files.writeString(
        file,
        "database:\n  max_connections: 100\n  url: postgresql://app@db/x\n"
            + "apps:\n  - name: web\n    replicas: 5\n    connection_limit: 20\n");
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("env", file.toString(), "--out-dir", out.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.err()).contains("does not fit its server", "nothing was written");
    assertThat(out).doesNotExist();
  }

  @Test
  void outDirWritesOnePrivateFilePerAppWithTheRightUrl() throws IOException {
    Path out = dir.resolve("env");
    Cli.Result r = Cli.run("env", PRODUCTION, "--out-dir", out.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .isEqualTo(
            "wrote "
                + out.resolve("exchanger-web.env")
                + " (mode 0600)\n"
                + "wrote "
                + out.resolve("exchanger-telegram.env")
                + " (mode 0600)\n");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("exchanger-web.env", "exchanger-telegram.env");
    }
    assertThat(Files.getPosixFilePermissions(out.resolve("exchanger-web.env")))
        .isEqualTo(OWNER_ONLY);
    assertThat(Files.getPosixFilePermissions(out.resolve("exchanger-telegram.env")))
        .isEqualTo(OWNER_ONLY);
    assertThat(readEnv(out.resolve("exchanger-web.env")))
        .containsExactly(Map.entry("DATABASE_URL", WEB_URL));
    assertThat(readEnv(out.resolve("exchanger-telegram.env")))
        .containsExactly(Map.entry("DATABASE_URL", TELEGRAM_URL));
  }

  @Test
  void secondRunWithoutForceChangesNothingAndExitsTwo() throws IOException {
    Path out = dir.resolve("env");
    Cli.run("env", PRODUCTION, "--out-dir", out.toString());
    Files.writeString(out.resolve("exchanger-web.env"), "# edited by hand\n");
    Files.writeString(out.resolve("unrelated.txt"), "keep me");
    Map<String, String> before = snapshot(dir);

    Cli.Result r = Cli.run("env", PRODUCTION, "--out-dir", out.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err())
        .contains(
            out.resolve("exchanger-web.env")
                + ": error: already exists; nothing was written"
                + " (pass --force to replace it)",
            out.resolve("exchanger-telegram.env") + ": error: already exists");
    assertThat(r.out()).isEmpty();
    assertThat(snapshot(dir)).isEqualTo(before);
  }

  @Test
  void refusalWhenOnlyOneTargetExistsWritesNoneOfThem() throws IOException {
    Path out = Files.createDirectory(dir.resolve("env"));
    Files.writeString(out.resolve("exchanger-telegram.env"), "OLD");
    Map<String, String> before = snapshot(dir);

    Cli.Result r = Cli.run("env", PRODUCTION, "--out-dir", out.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(snapshot(dir)).isEqualTo(before);
  }

  @Test
  void forceReplacesExistingFilesAndKeepsThemPrivate() throws IOException {
    Path out = Files.createDirectory(dir.resolve("env"));
    Path web = out.resolve("exchanger-web.env");
    Files.writeString(web, "DATABASE_URL='old'\n");
    Files.setPosixFilePermissions(web, PosixFilePermissions.fromString("rw-r--r--"));

    Cli.Result r = Cli.run("env", PRODUCTION, "--out-dir", out.toString(), "--force");

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(readEnv(web)).containsExactly(Map.entry("DATABASE_URL", WEB_URL));
    assertThat(Files.getPosixFilePermissions(web)).isEqualTo(OWNER_ONLY);
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).hasSize(2); // no temporary or backup files left behind
    }
  }

  @Test
  void failureInTheMiddleLeavesNoPartialFile() throws IOException {
    // exchanger-web is renamed into place first; the telegram target is a directory, which a
    // file cannot replace, so the second rename fails after the first has succeeded.
    Path out = Files.createDirectory(dir.resolve("env"));
    Files.createDirectory(out.resolve("exchanger-telegram.env"));
    Files.writeString(out.resolve("exchanger-telegram.env").resolve("inside"), "x");
    Map<String, String> before = snapshot(dir);

    Cli.Result r = Cli.run("env", PRODUCTION, "--out-dir", out.toString(), "--force");

    // The disk, not the input, failed: its own exit code, and the reason in words.
    assertThat(r.exitCode()).isEqualTo(ExitCode.WRITE_FAILED);
    assertThat(r.err())
        .contains(
            out.resolve("exchanger-telegram.env")
                + ": error: cannot write: is a directory; nothing was written");
    assertThat(snapshot(dir)).isEqualTo(before);
  }

  @Test
  void failureInTheMiddleRestoresAReplacedFile() throws IOException {
    Path out = Files.createDirectory(dir.resolve("env"));
    Path web = out.resolve("exchanger-web.env");
    Files.writeString(web, "DATABASE_URL='the old one'\n");
    Files.setPosixFilePermissions(web, PosixFilePermissions.fromString("rw-r-----"));
    Files.createDirectory(out.resolve("exchanger-telegram.env"));
    Map<String, String> before = snapshot(dir);

    Cli.Result r = Cli.run("env", PRODUCTION, "--out-dir", out.toString(), "--force");

    assertThat(r.exitCode()).isEqualTo(ExitCode.WRITE_FAILED);
    assertThat(snapshot(dir)).isEqualTo(before);
  }

  @Test
  void twoRunsRacingIntoOneEmptyFolderCannotBothWin() throws Exception {
    // Both runs pass the "does it exist?" look before either writes; only the exclusive link
    // that publishes each file decides. Before, both succeeded in 3 of 20 trials.
    for (int trial = 0; trial < 20; trial++) {
      Path out = dir.resolve("race-" + trial);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        CountDownLatch start = new CountDownLatch(1);
        Callable<Cli.Result> run =
            () -> {
              start.await();
              return Cli.run("env", PRODUCTION, "--out-dir", out.toString());
            };
        Future<Cli.Result> a = pool.submit(run);
        Future<Cli.Result> b = pool.submit(run);
        start.countDown();
        List<Integer> codes = List.of(a.get().exitCode(), b.get().exitCode());
        assertThat(codes).as("trial %d", trial).containsExactlyInAnyOrder(0, 2);
      } finally {
        pool.shutdownNow();
      }
      assertThat(readEnv(out.resolve("exchanger-web.env"))).containsEntry("DATABASE_URL", WEB_URL);
    }
  }

  @Test
  void aFolderItCreatesIsPrivateWhateverTheUmask() throws IOException {
    Path nested = dir.resolve("private").resolve("env");
    assertThat(Cli.run("env", PRODUCTION, "--out-dir", nested.toString()).exitCode())
        .isEqualTo(ExitCode.OK);
    assertThat(Files.getPosixFilePermissions(nested))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(nested.getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void missingOutDirIsCreatedWithItsParents() throws IOException {
    Path nested = dir.resolve("a").resolve("b");
    assertThat(Cli.run("env", PRODUCTION, "--out-dir", nested.toString()).exitCode())
        .isEqualTo(ExitCode.OK);
    assertThat(nested.resolve("exchanger-web.env")).exists();
  }

  @Test
  void outDirThatIsAFileIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    Cli.Result r = Cli.run("env", PRODUCTION, "--out-dir", file.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains("is not a directory");
  }

  @Test
  void forceWithoutOutDirIsAUsageError() {
    Cli.Result r = Cli.run("env", PRODUCTION, "--force");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains("--force only applies with --out-dir");
  }

  @Test
  void onlyTheChosenAppIsWritten() throws IOException {
    Path out = dir.resolve("env");
    Cli.run("env", PRODUCTION, "--app", "exchanger-telegram", "--out-dir", out.toString());
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly("exchanger-telegram.env");
    }
  }

  @Test
  void eachAppGetsTheVariablesItsClientLibraryReads() {
    Cli.Result result = Cli.run("env", "examples/rollout-and-clients.yaml");
    Map<String, String> byLine = new TreeMap<>();
    String current = null;
    for (String line : result.out().lines().toList()) {
      if (line.startsWith("# ") && line.contains(" replica")) {
        current = line.substring(2, line.indexOf(':'));
      } else if (current != null && !line.startsWith("#") && line.contains("=")) {
        byLine.merge(current, line, (a, b) -> a + "\n" + b);
      }
    }

    assertThat(result.exitCode()).isZero();
    // Prisma 7's adapter ignores URL pool parameters: the pool max is its own variable.
    assertThat(byLine.get("exchanger-web"))
        .contains("DATABASE_POOL_MAX='8'")
        .doesNotContain("connection_limit");
    assertThat(byLine.get("exchanger-telegram")).contains("connection_limit=8");
    assertThat(byLine.get("billing-api"))
        .contains("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE='8'")
        .contains("ApplicationName=billing-api");
    assertThat(byLine.get("reports-worker")).contains("DB_POOL_SIZE='8'");
  }

  @Test
  void varRenamesOnlyTheConnectionUrlVariable() {
    Cli.Result result =
        Cli.run(
            "env",
            "examples/rollout-and-clients.yaml",
            "--app",
            "exchanger-web",
            "--var",
            "PG_URL");

    assertThat(result.out())
        .contains("PG_URL='postgresql://app@db.internal:5432/exchanger_db")
        .contains("DATABASE_POOL_MAX='8'")
        .doesNotContain("DATABASE_URL=");
  }
}
