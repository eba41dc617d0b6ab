package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md, "Variables that CI does not have": plan, check and explain run without the URL's
 * variables, showing them as written; env, audit and rehearse, which connect or hand out the URL,
 * still refuse.
 */
class UnsetVariablesTest {

  private static final String FILE =
      "database:\n"
          + "  max_connections: 100\n"
          + "  url: postgresql://app:${DB_PASSWORD}@${DB_HOST}:5432/shop\n"
          + "apps:\n"
          + "  - name: web\n"
          + "    replicas: 2\n"
          + "    client: prisma\n"
          + "  - name: api\n"
          + "    replicas: 1\n"
          + "    client: hikari\n";

  @TempDir Path dir;

  private Path file(String text) throws IOException {
    return Files.writeString(dir.resolve("deploy.yaml"), text);
  }

  @Test
  void planShowsTheUrlWithItsVariablesAsWrittenAndNamesThem() throws IOException {
    Path f = file(FILE);

    Cli.Result r = Cli.run("plan", f.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.err()).isEmpty();
    // 100 × 0.85 = 85 over 3 instances: floor(28.33) = 28, as with every variable set.
    assertThat(r.out())
        .contains(
            "  web: postgresql://app:****@${DB_HOST}:5432/shop?connection_limit=28&pool_timeout=20"
                + "&connect_timeout=5&application_name=web\n")
        .contains("  api: jdbc:postgresql://${DB_HOST}:5432/shop?ApplicationName=api\n")
        .contains(
            "info: database.url uses ${DB_PASSWORD}, ${DB_HOST} ("
                + f
                + ":3:8), not set here; the URLs show them as written, and env, audit and"
                + " rehearse need them [variable-unset]\n")
        .doesNotContain("xpoolcalcunset");
  }

  @Test
  void checkPassesInEveryFormatWithoutThePassword() throws IOException {
    Path f = file(FILE);
    for (String format : List.of("text", "json", "github", "markdown")) {
      Cli.Result r = Cli.run("check", f.toString(), "--strict", "--format", format);

      assertThat(r.exitCode()).as(format).isEqualTo(ExitCode.OK);
      assertThat(r.out() + r.err()).as(format).doesNotContain("xpoolcalcunset");
    }
    assertThat(Cli.run("check", f.toString(), "--format", "json").out())
        .contains("\"code\": \"variable-unset\"");
  }

  @Test
  void explainAndJsonShowTheVariablesAsWritten() throws IOException {
    Path f = file(FILE);

    Cli.Result explain = Cli.run("explain", f.toString());
    Cli.Result json = Cli.run("plan", f.toString(), "--format", "json");

    assertThat(explain.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(explain.out()).contains("postgresql://app:****@${DB_HOST}:5432/shop?");
    assertThat(json.out())
        .contains(
            "\"database_url\": \"jdbc:postgresql://${DB_HOST}:5432/shop?ApplicationName=api\"")
        .doesNotContain("xpoolcalcunset");
  }

  @Test
  void aSetPasswordStaysMaskedWhileTheHostIsUnset() throws IOException {
    Path f = file(FILE);
    for (List<String> args :
        List.of(
            List.of("plan"),
            List.of("plan", "--format", "json"),
            List.of("check", "--format", "json"),
            List.of("explain"))) {
      List<String> all = new java.util.ArrayList<>(args);
      all.add(1, f.toString());
      Cli.Result r = Cli.run(Map.of("DB_PASSWORD", "hunter2"), "", all.toArray(String[]::new));

      assertThat(r.exitCode()).as("%s", args).isEqualTo(ExitCode.OK);
      assertThat(r.out() + r.err()).as("%s", args).doesNotContain("hunter2");
      assertThat(r.out())
          .as("%s", args)
          .contains("uses ${DB_HOST} (")
          .contains("****@${DB_HOST}:5432/shop")
          .doesNotContain("${DB_PASSWORD}");
    }
  }

  @Test
  void aUrlThatIsOneUnsetVariablePlansWithoutUrls() throws IOException {
    Path f =
        file(
            FILE.replace(
                "postgresql://app:${DB_PASSWORD}@${DB_HOST}:5432/shop", "${DATABASE_URL}"));

    Cli.Result r = Cli.run("plan", f.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .doesNotContain("DATABASE_URL per app")
        .contains(
            "info: database.url is ${DATABASE_URL} ("
                + f
                + ":3:8), which is not set here, so no URL is shown; env, audit and rehearse"
                + " need it [variable-unset]\n");
  }

  @Test
  void envAuditAndRehearseStillNeedEveryVariable() throws IOException {
    Path f = file(FILE);
    for (List<String> args :
        List.of(
            List.of("env", f.toString()),
            List.of("audit", f.toString(), "--db", "postgresql://u@127.0.0.1:1/x"),
            List.of("rehearse", f.toString(), "--db", "postgresql://u@127.0.0.1:1/x", "--yes"))) {
      Cli.Result r = Cli.run(Map.of("DB_HOST", "db"), "", args.toArray(String[]::new));

      assertThat(r.exitCode()).as(args.get(0)).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(r.err())
          .as(args.get(0))
          .isEqualTo(
              f
                  + ":3:8: error: database.url uses ${DB_PASSWORD}, which is not set in the"
                  + " environment; set it, or give a default as ${DB_PASSWORD:-value}\n");
    }
  }

  @Test
  void anUnsetVariableOutsideAUrlStillFailsPlan() throws IOException {
    Path f = file(FILE.replace("max_connections: 100", "max_connections: 100\n  name: ${DB_NAME}"));
    for (String command : List.of("plan", "check", "explain")) {
      Cli.Result r = Cli.run(command, f.toString());

      assertThat(r.exitCode()).as(command).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(r.err()).as(command).contains(":3:9: error: database.name uses ${DB_NAME}");
    }
  }
}
