package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** env's formats carry the very same variables as the .env lines, read back by real readers. */
class EnvFormatTest {

  /** A quote, spaces and an at sign: what naive quoting breaks, and .env can still carry. */
  private static final String PASSWORD = "it's a p@ss word";

  /** Quotes, a dollar, a backslash: no .env quoting carries it, a shell's does. */
  private static final String NASTY = "it's $HOME \\ \"x\" y";

  private static final Map<String, String> ENV = Map.of("DB_PASSWORD", PASSWORD);

  @TempDir Path dir;

  private Path deployment() throws IOException {
    return Files.writeString(
        dir.resolve("d.yaml"),
        "database:\n"
            + "  max_connections: 100\n"
            + "  reserve: 15\n"
            + "  url: postgresql://app:${DB_PASSWORD}@db.internal:5432/shop\n"
            + "apps:\n"
            + "  - name: web\n"
            + "    replicas: 3\n"
            + "  - name: Api_v2\n"
            + "    replicas: 2\n"
            + "    client: hikari\n");
  }

  /** What the dotenv output holds, by app, read back with dotenv's rules. */
  private Map<String, Map<String, String>> dotenvByApp() throws IOException {
    Map<String, Map<String, String>> byApp = new LinkedHashMap<>();
    for (String app : List.of("web", "Api_v2")) {
      Cli.Result r = Cli.run(ENV, "", "env", deployment().toString(), "--app", app);
      assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
      byApp.put(app, DotenvReader.read(r.out()));
    }
    return byApp;
  }

  @Test
  void k8sSecretsHoldTheSameValuesAsTheDotenvLines() throws IOException {
    Cli.Result r = Cli.run(ENV, "", "env", deployment().toString(), "--format", "k8s-secret");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);

    // An independent YAML parser (SnakeYAML), as kubectl's would read it.
    List<Map<String, Object>> secrets = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(r.out())) {
      if (doc != null) {
        secrets.add(map(doc));
      }
    }
    assertThat(secrets).hasSize(2);
    assertThat(secrets).allSatisfy(s -> assertThat(s.get("kind")).isEqualTo("Secret"));
    assertThat(map(secrets.get(1).get("metadata")).get("name")).isEqualTo("api-v2-db");
    Map<String, Map<String, String>> expected = dotenvByApp();
    assertThat(values(secrets.get(0).get("stringData"))).isEqualTo(expected.get("web"));
    assertThat(values(secrets.get(1).get("stringData"))).isEqualTo(expected.get("Api_v2"));
    assertThat(expected.get("Api_v2")).containsEntry("SPRING_DATASOURCE_PASSWORD", PASSWORD);
  }

  @Test
  void jsonHoldsTheSameValuesAsTheDotenvLines() throws IOException {
    Cli.Result r = Cli.run(ENV, "", "env", deployment().toString(), "--format", "json");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    Map<String, Object> json = map(new Yaml().load(r.out()));
    Map<String, Map<String, String>> expected = dotenvByApp();
    assertThat(values(json.get("web"))).isEqualTo(expected.get("web"));
    assertThat(values(json.get("Api_v2"))).isEqualTo(expected.get("Api_v2"));
  }

  @Test
  void shellLinesReadBackExactlyInARealShell() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh here");
    Map<String, String> env = Map.of("DB_PASSWORD", NASTY);
    Cli.Result r =
        Cli.run(env, "", "env", deployment().toString(), "--format", "shell", "--app", "Api_v2");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    Path script = Files.writeString(dir.resolve("env.sh"), r.out());

    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                ". \"$0\" && printf '%s' \"$SPRING_DATASOURCE_PASSWORD\"",
                script.toString())
            .start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo(NASTY);
  }

  @Test
  void aValueDotenvCannotCarryIsRefusedByNameNotValue() throws IOException {
    Map<String, String> env = Map.of("DB_PASSWORD", NASTY);
    Cli.Result r = Cli.run(env, "", "env", deployment().toString(), "--app", "Api_v2");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err())
        .contains("SPRING_DATASOURCE_PASSWORD: a value holding both ' and")
        .contains("use --format shell or json")
        .doesNotContain("HOME");
  }

  @Test
  void onlyPoolLeavesOutEveryUrlAndCredential() throws IOException {
    Cli.Result r =
        Cli.run(ENV, "", "env", deployment().toString(), "--only-pool", "--format", "json");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).doesNotContain("it's").doesNotContain("postgresql://");
    Map<String, Object> json = map(new Yaml().load(r.out()));
    assertThat(values(json.get("Api_v2")))
        .containsOnlyKeys(
            "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE",
            "SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT")
        .containsEntry("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "17");
    assertThat(values(json.get("web"))).isEmpty();

    Cli.Result dotenv = Cli.run(ENV, "", "env", deployment().toString(), "--only-pool");
    assertThat(dotenv.out())
        .contains("# web reads its pool settings from its connection URL")
        .doesNotContain("DATABASE_URL");
  }

  @Test
  void outDirWritesOneFilePerAppWithTheFormatsExtension() throws IOException {
    Path out = dir.resolve("secrets");
    Cli.Result r =
        Cli.run(
            ENV,
            "",
            "env",
            deployment().toString(),
            "--format",
            "k8s-secret",
            "--out-dir",
            out.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(out.resolve("web.yaml")).exists();
    assertThat(out.resolve("Api_v2.yaml")).exists();
    assertThat(Files.readString(out.resolve("Api_v2.yaml"))).contains("name: api-v2-db");
  }

  @Test
  void anUnknownFormatListsTheFormats() throws IOException {
    Cli.Result r = Cli.run(ENV, "", "env", deployment().toString(), "--format", "toml");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains("dotenv, k8s-secret, json, shell");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object yaml) {
    return (Map<String, Object>) yaml;
  }

  private static Map<String, String> values(Object object) {
    Map<String, String> values = new LinkedHashMap<>();
    if (object != null) {
      map(object).forEach((k, v) -> values.put(k, String.valueOf(v)));
    }
    return values;
  }
}
