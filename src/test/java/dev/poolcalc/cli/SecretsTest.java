package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void missingPasswordVariableIsNamedAndExitsTwo() throws IOException {
    Path ok = deployment("");
    for (String command : List.of("plan", "check", "env")) {
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
    assertThat(dev.poolcalc.clients.PostgresUrl.parse(url).password()).contains(PASSWORD);
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
}
