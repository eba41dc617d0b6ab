package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A password from ${DB_PASSWORD} shows only in env output, percent-encoded where needed. */
class SecretsTest {

  /** Every character a URL treats specially, around a word that must never leak. */
  private static final String PASSWORD = "hunter2@:/?#%x";

  private static final String ENCODED = "hunter2%40%3A%2F%3F%23%25x";
  private static final Map<String, String> ENV = Map.of("DB_PASSWORD", PASSWORD);

  @TempDir Path dir;

  private Path deployment(String extra) throws IOException {
    return Files.writeString(
        dir.resolve("deploy.yaml"),
        "database:\n"
            + "  name: exchanger_db\n"
            + "  max_connections: 100\n"
            + "  reserve: 15\n"
            + "  url: postgresql://app:${DB_PASSWORD}@db.internal:5432/exchanger_db\n"
            + "apps:\n"
            + "  - name: exchanger-web\n"
            + "    replicas: 3\n"
            + extra
            + "  - name: exchanger-telegram\n"
            + "    replicas: 2\n");
  }

  private static void assertNoSecret(Cli.Result r) {
    assertThat(r.out() + r.err()).doesNotContain("hunter2");
  }

  @Test
  void planCheckAndErrorsNeverShowThePassword() throws IOException {
    Path ok = deployment("");
    Path summary = Files.writeString(dir.resolve("summary.md"), "");
    List<Cli.Result> results = new ArrayList<>();
    for (String format : List.of("table", "json", "markdown")) {
      results.add(Cli.run(ENV, "", "plan", ok.toString(), "--format", format));
    }
    for (String format : List.of("text", "json", "github", "markdown")) {
      results.add(Cli.run(ENV, "", "check", ok.toString(), "--format", format));
    }
    Map<String, String> ciEnv =
        Map.of("DB_PASSWORD", PASSWORD, "GITHUB_STEP_SUMMARY", summary.toString());
    results.add(Cli.run(ciEnv, "", "check", ok.toString(), "--format", "github"));

    assertThat(results.get(0).out()).contains("postgresql://app:****@db.internal:5432/");
    assertThat(results.get(1).out()).contains("\"database_url\": \"postgresql://app:****@");
    assertThat(results.get(4).out()).contains("postgresql://app:****@"); // check --format json
    for (Cli.Result r : results) {
      assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
      assertNoSecret(r);
    }
    assertThat(Files.readString(summary)).contains("poolcalc check").doesNotContain("hunter2");
  }

  @Test
  void errorsInAFileWithASecretNeverShowIt() throws IOException {
    Path bad = deployment("    procesess: 2\n");
    for (String command : List.of("plan", "check", "env")) {
      Cli.Result r = Cli.run(ENV, "", command, bad.toString());
      assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(r.err()).contains("unknown key apps[0].procesess; did you mean 'processes'?");
      assertNoSecret(r);
    }
  }

  @Test
  void aBrokenUrlFromAVariableIsReportedWithoutItsPassword() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("whole.yaml"),
            "database:\n  max_connections: 100\n  url: ${DATABASE_URL}\n"
                + "apps:\n  - name: web\n    replicas: 1\n");
    for (String url :
        List.of(
            "postgresql://app:hunter2@db:99999/x",
            "postgresql://app:hunter2#x@db/x",
            "postgresql://app:hun@ter2@db/x",
            "postgresql://app:hunter2%zz@db/x",
            "app:hunter2@db/x",
            "mysql://app:hunter2@db/x")) {
      Cli.Result r = Cli.run(Map.of("DATABASE_URL", url), "", "check", file.toString());
      assertThat(r.exitCode()).as(url).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(r.err()).as(url).contains("database.url is not a usable connection URL");
      assertThat(r.out() + r.err()).as(url).doesNotContain("hunter2").doesNotContain("ter2");
    }
  }

  @Test
  void missingPasswordVariableIsNamedAndExitsTwoForEnv() throws IOException {
    Path ok = deployment("");
    // plan and check run without it: UnsetVariablesTest.
    for (String command : List.of("env")) {
      Cli.Result r = Cli.run(command, ok.toString());
      assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(r.err())
          .contains(ok + ":5:8: error: database.url uses ${DB_PASSWORD}, which is not set");
    }
  }

  @Test
  void envShowsThePasswordPercentEncoded() throws IOException {
    Cli.Result r = Cli.run(ENV, "", "env", deployment("").toString(), "--app", "exchanger-web");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    String url = DotenvReader.read(r.out()).get("DATABASE_URL");
    assertThat(url)
        .isEqualTo(
            "postgresql://app:"
                + ENCODED
                + "@db.internal:5432/exchanger_db?connection_limit=17&pool_timeout=20"
                + "&connect_timeout=5&application_name=exchanger-web");
    assertThat(dev.poolcalc.url.PostgresUrl.parse(url).password()).contains(PASSWORD);
  }

  @Test
  void envFilesHoldThePasswordAndAreOwnerOnly() throws IOException {
    Path out = dir.resolve("env");
    Cli.Result r = Cli.run(ENV, "", "env", deployment("").toString(), "--out-dir", out.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertNoSecret(r);
    String text = Files.readString(out.resolve("exchanger-telegram.env"));
    assertThat(DotenvReader.read(text).get("DATABASE_URL")).contains("app:" + ENCODED + "@");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out.resolve("exchanger-telegram.env"))))
        .isEqualTo("rw-------");
  }

  /** A password that must never show, nor any part of it that a cut quote could leave. */
  private static final String LEAKED = "Sup3rSecret-Zq9";

  private static final List<String> LEAKED_PARTS = List.of("Sup3r", "Secret", "Zq9");

  /** Every shape of database.url a probe made leak its password, as written in the file. */
  static Stream<String> leakyUrls() {
    return Stream.of(
        "postgresql://u:p@h/shop?sslmode=require?password=" + LEAKED,
        "postgresql://u:p@h/shop?sslmode=require#password=" + LEAKED,
        "postgresql://app:" + LEAKED + "/shop",
        "postgresql://u@h/shop?application_name=web?password=" + LEAKED + LEAKED,
        "postgresql://u@h/shop?connect_timeout=5?sslpassword=" + LEAKED,
        "postgresql://u@h/shop?sslmode=require&passwd=x?" + LEAKED,
        "postgresql://u@h/shop?pwd=" + LEAKED + "#x",
        "host=db password=" + LEAKED + " dbname=x",
        "host=db password='" + LEAKED + " x' dbname=x");
  }

  /** Each command that reads the file, with the arguments that follow it. */
  private static final List<List<String>> READERS =
      List.of(
          List.of("plan"),
          List.of("plan", "--format", "json"),
          List.of("check"),
          List.of("check", "--format", "json"),
          List.of("check", "--format", "github"),
          List.of("check", "--format", "markdown"),
          List.of("env"),
          List.of("explain"));

  static Stream<Arguments> leakyUrlsByCommand() {
    return leakyUrls().flatMap(url -> READERS.stream().map(args -> Arguments.of(url, args)));
  }

  private static void assertNoLeak(Cli.Result r) {
    for (String part : LEAKED_PARTS) {
      assertThat(r.out()).doesNotContain(part);
      assertThat(r.err()).doesNotContain(part);
    }
  }

  @ParameterizedTest(name = "{1} {0}")
  @MethodSource("leakyUrlsByCommand")
  void aBrokenUrlInTheFileIsReportedWithoutItsPassword(String url, List<String> command)
      throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("leaky.yaml"),
            "database:\n  max_connections: 100\n  url: \""
                + url
                + "\"\n"
                + "apps:\n  - name: web\n    replicas: 1\n");
    List<String> args = new ArrayList<>(command);
    args.add(1, file.toString());

    Cli.Result r = Cli.run(args.toArray(String[]::new));

    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err().lines().findFirst().orElse(""))
        .startsWith(file + ":3:8: error: database.url is not a usable connection URL: ");
    assertNoLeak(r);
  }

  @ParameterizedTest(name = "{0} --db {1}")
  @MethodSource("liveCommandsAndUrls")
  void aBrokenDbUrlIsReportedWithoutItsPassword(String command, String url) throws IOException {
    Path ok = deployment("");
    List<String> yes = command.equals("rehearse") ? List.of("--yes") : List.of();
    List<String> byFlagArgs = new ArrayList<>(List.of(command, ok.toString(), "--db", url));
    byFlagArgs.addAll(yes);
    List<String> byEnvArgs =
        new ArrayList<>(List.of(command, ok.toString(), "--db-env", "STAGING_URL"));
    byEnvArgs.addAll(yes);
    Cli.Result byFlag = Cli.run(ENV, "", byFlagArgs.toArray(String[]::new));
    Cli.Result byEnv =
        Cli.run(
            Map.of("DB_PASSWORD", PASSWORD, "STAGING_URL", url),
            "",
            byEnvArgs.toArray(String[]::new));

    for (Cli.Result r : List.of(byFlag, byEnv)) {
      assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(r.err().lines().findFirst().orElse(""))
          .matches("poolcalc: error: --db( |-env STAGING_URL )is not a usable connection URL: .*");
      assertNoLeak(r);
    }
  }

  static Stream<Arguments> liveCommandsAndUrls() {
    return Stream.of("audit", "rehearse")
        .flatMap(
            command ->
                Stream.of(
                        "postgresql://app:" + LEAKED + "/shop",
                        "postgresql://app:" + LEAKED + ",other/shop",
                        "postgresql://h/shop?sslmode=require?password=" + LEAKED,
                        "host=db password=" + LEAKED)
                    .map(url -> Arguments.of(command, url)));
  }

  @Test
  void aNewlineInAValueIsEscapedAndTheErrorStaysOneLine() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("newline.yaml"),
            "database:\n  max_connections: 100\n"
                + "apps:\n  - name: \"web\\nfake.yaml:2:2: error: forged\"\n    replicas: 1\n"
                + "    client: \"pgx\\r\\tx\"\n"
                + "    \"proc\\nesses\": 2\n");

    Cli.Result r = Cli.run("check", file.toString(), "--format", "github");

    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err().lines().toList())
        .containsExactly(
            file
                + ":4:11: error: apps[0].name must be 1–63 characters of letters, digits, '.',"
                + " '_' or '-' (got \"web\\nfake.yaml:2:2: error: forged\"); it becomes the"
                + " application_name PostgreSQL shows",
            file
                + ":6:13: error: apps[0].client must be one of prisma, prisma-pg, node-postgres,"
                + " hikari, pgx, sqlalchemy, rails, generic (got \"pgx\\r\\tx\")",
            file + ":7:5: error: unknown key apps[0].proc\\nesses; did you mean 'processes'?");
    assertThat(r.out()).doesNotContain("\nfake.yaml").doesNotContain("forged\n");
  }

  @Test
  void aVariableUsedWhereItDoesNotBelongIsShownAsWrittenNotExpanded() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("misuse.yaml"),
            "database:\n  max_connections: 100\n"
                + "apps:\n  - name: \"${DB_PASSWORD}\"\n    replicas: 1\n"
                + "  - name: web\n    replicas: 2\n    rollout:\n"
                + "      strategy: \"${DB_PASSWORD}\"\n"
                + "  - name: \"api-${DB_PASSWORD}\"\n    replicas: 1\n"
                + "    client: \"${DB_PASSWORD}\"\n");
    Map<String, String> env = Map.of("DB_PASSWORD", "rollng!");

    for (String command : List.of("plan", "check", "env", "explain")) {
      Cli.Result r = Cli.run(env, "", command, file.toString());

      assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(r.err())
          .contains(
              file
                  + ":4:11: error: apps[0].name must be 1–63 characters of letters, digits, '.',"
                  + " '_' or '-' (got \"${DB_PASSWORD}\")",
              file
                  + ":9:17: error: apps[1].rollout.strategy must be rolling, recreate or"
                  + " blue-green (got \"${DB_PASSWORD}\")\n",
              file + ":12:13: error: apps[2].client must be one of ")
          .doesNotContain("rollng!")
          .doesNotContain("did you mean");
      assertThat(r.out()).doesNotContain("rollng!");
    }
  }

  @Test
  void aUrlErrorShowsAVariableAsWritten() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("hostvar.yaml"),
            "database:\n  max_connections: 100\n"
                + "  url: postgresql://app:${DB_PASSWORD}@${DB_HOST}/x\n"
                + "apps:\n  - name: web\n    replicas: 1\n");

    Cli.Result r =
        Cli.run(Map.of("DB_PASSWORD", PASSWORD, "DB_HOST", "db:Zq9"), "", "plan", file.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err())
        .isEqualTo(
            file
                + ":3:8: error: database.url is not a usable connection URL: bad port"
                + " \"${DB_HOST}\" in \"${DB_HOST}\": a port is a number from 1 to 65535\n");
  }
}
