package dev.poolcalc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolcalc.cli.Cli;
import dev.poolcalc.cli.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The deployment every conformance test plans: the app under test (one replica, one process) and 24
 * instances of another app share the embedded server's 100 connections with a reserve of 15. By
 * hand: 25 instances, floor(min((100 − 15) / 25, 100 × 0.85 / 25)) = floor(3.4) = 3 connections per
 * pool, so {@link #LIMIT} is 3 — a number poolcalc must arrive at on its own, which the tests then
 * hold the real library to. 3 is no library's default (pgx max(4, CPUs), Active Record and
 * SQLAlchemy 5, pg and HikariCP 10), so a pool that ignored the rendered size would show.
 */
final class Deployment {

  /** The connection limit worked out by hand above. */
  static final int LIMIT = 3;

  /** pool_timeout in seconds: how long a waiter may queue before the library gives up. */
  static final int POOL_TIMEOUT_SECONDS = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  private Deployment() {}

  /** The YAML of the deployment, with {@code app} using {@code client}. */
  static String yaml(PostgresServer server, String app, String client) {
    return String.join(
        "\n",
        "version: 1",
        "database:",
        "  name: " + PostgresServer.DATABASE,
        "  max_connections: 100",
        "  reserve: 15",
        "  url: postgresql://"
            + PostgresServer.APP
            + ":${DB_PASSWORD}@localhost:"
            + server.port()
            + "/"
            + PostgresServer.DATABASE,
        "apps:",
        "  - name: " + app,
        "    replicas: 1",
        "    client: " + client,
        "    pool_timeout: " + POOL_TIMEOUT_SECONDS,
        "  - name: others",
        "    replicas: 24",
        "    client: generic",
        "");
  }

  /**
   * What {@code poolcalc env --format json --app APP} prints for the app: the variables, exactly as
   * a user would paste them, to configure the real library with. Also checks that {@code plan}
   * gives the hand-computed limit, so a failure says which side is wrong.
   */
  static Map<String, String> renderedEnv(PostgresServer server, String app, String client) {
    Path file = write(yaml(server, app, client));
    Map<String, String> vars = Map.of("DB_PASSWORD", PostgresServer.APP_PASSWORD);
    Cli.Result plan = Cli.run(vars, "", "plan", file.toString(), "--format", "json");
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("\"connection_limit\": " + LIMIT + ",");
    return env(file, app);
  }

  /**
   * A deployment whose app reaches the server through a PgBouncer listening on {@code bouncerPort},
   * {@link #LIMIT} client connections per pool. With {@code via} the file says so ({@code poolers:}
   * in transaction mode, {@code via: bouncer}); without it the app merely has the pooler's address
   * as its own {@code url}, which is what a file that does not know about the pooler renders.
   */
  static String pooledYaml(
      PostgresServer server, int bouncerPort, String app, String client, boolean via) {
    String pooler =
        "postgresql://"
            + PostgresServer.APP
            + ":${DB_PASSWORD}@127.0.0.1:"
            + bouncerPort
            + "/"
            + PostgresServer.DATABASE;
    return String.join(
        "\n",
        "version: 1",
        "database:",
        "  name: " + PostgresServer.DATABASE,
        "  max_connections: 100",
        "  reserve: 15",
        "  url: postgresql://"
            + PostgresServer.APP
            + ":${DB_PASSWORD}@localhost:"
            + server.port()
            + "/"
            + PostgresServer.DATABASE,
        "poolers:",
        "  - name: bouncer",
        "    kind: pgbouncer",
        "    pool_mode: transaction",
        "    default_pool_size: 2",
        "    url: " + pooler,
        "apps:",
        "  - name: " + app,
        "    replicas: 1",
        "    client: " + client,
        "    connection_limit: " + LIMIT,
        via ? "    via: bouncer" : "    url: " + pooler,
        "");
  }

  /**
   * What {@code poolcalc env --format json --app APP} prints for the app of {@link #pooledYaml}.
   */
  static Map<String, String> pooledEnv(
      PostgresServer server, int bouncerPort, String app, String client, boolean via) {
    return env(write(pooledYaml(server, bouncerPort, app, client, via)), app);
  }

  private static Map<String, String> env(Path file, String app) {
    Map<String, String> vars = Map.of("DB_PASSWORD", PostgresServer.APP_PASSWORD);
    Cli.Result env = Cli.run(vars, "", "env", file.toString(), "--app", app, "--format", "json");
    assertThat(env.exitCode()).as(env.err()).isZero();
    try {
      Map<String, Map<String, String>> byApp =
          JSON.readValue(env.out(), new TypeReference<Map<String, Map<String, String>>>() {});
      return byApp.get(app);
    } catch (IOException e) {
      throw new UncheckedIOException("env --format json printed no JSON: " + env.out(), e);
    }
  }

  /**
   * The code snippet {@code poolcalc plan} shows under "Client settings per app" for the app: the
   * line a user copies into their program, which a driver must contain verbatim.
   */
  static String snippet(PostgresServer server, String app, String client) {
    Path file = write(yaml(server, app, client));
    Map<String, String> vars = Map.of("DB_PASSWORD", PostgresServer.APP_PASSWORD);
    Cli.Result plan = Cli.run(vars, "", "plan", file.toString());
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    List<String> lines = plan.out().lines().toList();
    String heading = "  " + app + " (" + client + "):";
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).startsWith(heading)) {
        return lines.get(i + 1).strip();
      }
    }
    throw new AssertionError("plan shows no client settings for " + app + ":\n" + plan.out());
  }

  private static Path write(String yaml) {
    try {
      Path file = Files.createTempFile("conformance-", ".yaml");
      file.toFile().deleteOnExit();
      return Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
