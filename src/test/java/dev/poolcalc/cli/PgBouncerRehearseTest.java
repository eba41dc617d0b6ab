package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code poolcalc rehearse} through a real PgBouncer: every planned client runs pg_sleep at once,
 * PostgreSQL shows min(clients, pool) server connections from the pooler in either mode, and the
 * client past max_client_conn is refused in PgBouncer's own words.
 */
@Tag("server")
class PgBouncerRehearseTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /**
   * bouncer: 1 process × 1 pair × (pool + 0); shop-web's 3 instances × {@code webLimit} go through
   * it; shop-admin connects directly with 1 × 2. The pooler's url names the role but no password:
   * rehearse logs in through it with the --db URL's.
   */
  private String plan(String mode, int pool, int maxClientConn, int webLimit, int port) {
    return String.join(
        "\n",
        "database:",
        "  name: exchanger_db",
        "  max_connections: 100",
        "  reserve: 15",
        "poolers:",
        "  - name: bouncer",
        "    kind: pgbouncer",
        "    pool_mode: " + mode,
        "    default_pool_size: " + pool,
        "    max_client_conn: " + maxClientConn,
        "    url: postgresql://app@127.0.0.1:" + port + "/exchanger_db",
        "apps:",
        "  - name: shop-web",
        "    replicas: 3",
        "    connection_limit: " + webLimit,
        "    via: bouncer",
        "  - name: shop-admin",
        "    replicas: 1",
        "    connection_limit: 2",
        "");
  }

  /**
   * Transaction mode: 3 × 2 = 6 clients on a pool of 2 take turns, so the server shows min(6, 2) =
   * 2 and all 6 queries run; max_client_conn 8 lets the 6 and 2 more in and refuses client 9.
   */
  @Test
  void transactionModeClientsTakeTurnsOnThePoolAndTheNinthClientIsRefused() throws Exception {
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    try (PgBouncer bouncer = PgBouncer.start(server, dir, "transaction", 2, 8)) {
      Path file =
          Files.writeString(
              dir.resolve("deployment.yaml"), plan("transaction", 2, 8, 2, bouncer.port()));

      Cli.Result r = rehearse(server, file);

      assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
      assertThat(r.out())
          .containsPattern("shop-admin +2 +2")
          .containsPattern("shop-web +6 +6")
          .contains(
              "OK: 6 clients ran a query at once; PostgreSQL showed at most 2 server connections"
                  + " from bouncer, within its planned server_connections 2; all 6 queries ran")
          .contains("As predicted: min(6 clients, 2 server connections) = 2 at once")
          .contains(
              "As predicted: max_client_conn 8: with the plan's 6 clients and 2 more open,"
                  + " bouncer refused client 9: FATAL: no more connections allowed"
                  + " (max_client_conn)")
          .contains("As predicted: role app can hold 97 connections here")
          .contains("so all 3 should get in beside the poolers' 2 server connections");

      Cli.Result json = rehearse(server, file, "--format", "json");

      assertThat(json.exitCode()).as(json.out() + json.err()).isEqualTo(ExitCode.OK);
      JsonNode pooler = JSON.readTree(json.out()).get("poolers").get(0);
      assertThat(pooler.get("server_peak").asLong()).isEqualTo(2);
      assertThat(pooler.get("planned_server_connections").asLong()).isEqualTo(2);
      assertThat(pooler.get("completed_queries").asLong()).isEqualTo(6);
      JsonNode probe = pooler.get("max_client_conn_probe");
      assertThat(probe.get("refusal").get("connection").asLong()).isEqualTo(9);
      assertThat(probe.get("refusal").get("message").asText())
          .isEqualTo("FATAL: no more connections allowed (max_client_conn)");
      assertThat(probe.get("as_predicted").asBoolean()).isTrue();
      assertThat(JSON.readTree(json.out()).get("held").asBoolean()).isTrue();
    }
  }

  /**
   * Session mode: each of 3 × 1 = 3 clients holds a server connection for its whole session, so the
   * pool of 2 serves two at once (min(3, 2) = 2) and the third query waits until given up: the plan
   * (session-pool-oversubscribed) does not hold. max_client_conn 5 lets in 3 + 2, refuses 6.
   */
  @Test
  void sessionModePinsOneServerConnectionPerClientAndTheSixthClientIsRefused() throws Exception {
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    try (PgBouncer bouncer = PgBouncer.start(server, dir, "session", 2, 5)) {
      Path file =
          Files.writeString(
              dir.resolve("deployment.yaml"), plan("session", 2, 5, 1, bouncer.port()));

      Cli.Result r = rehearse(server, file);

      assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.CHECK_FAILED);
      assertThat(r.out())
          .containsPattern("shop-web +3 +3")
          .containsPattern("reserve +1 +1")
          .contains(
              "FAILED: 3 clients ran a query at once; PostgreSQL showed at most 2 server"
                  + " connections from bouncer, within the planned 2; but 1 of the 3 queries did"
                  + " not run")
          .contains("in session mode each client holds a server connection")
          .contains("As predicted: min(3 clients, 2 server connections) = 2 at once")
          .contains(
              "As predicted: max_client_conn 5: with the plan's 3 clients and 2 more open,"
                  + " bouncer refused client 6: FATAL: no more connections allowed"
                  + " (max_client_conn)");
    }
  }

  private static Cli.Result rehearse(PostgresServer server, Path file, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "rehearse",
                file.toString(),
                "--db",
                server.url(PostgresServer.APP, PostgresServer.APP_PASSWORD),
                "--yes"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }
}
