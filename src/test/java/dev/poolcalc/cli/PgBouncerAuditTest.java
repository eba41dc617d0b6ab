package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code poolcalc audit} of a server behind a real PgBouncer in transaction mode: the pooler's
 * server connections count against its planned server_connections, not as unplanned.
 */
@Tag("server")
class PgBouncerAuditTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * bouncer: 1 process × 1 pair × (poolSize + 0) server connections; shop-web's 3 × 2 = 6 clients
   * go through it; shop-admin connects directly with 1 × 2.
   */
  private static String plan(int poolSize) {
    return String.join(
        "\n",
        "database:",
        "  name: exchanger_db",
        "  max_connections: 100",
        "  reserve: 15",
        "poolers:",
        "  - name: bouncer",
        "    kind: pgbouncer",
        "    pool_mode: transaction",
        "    default_pool_size: " + poolSize,
        "apps:",
        "  - name: shop-web",
        "    replicas: 3",
        "    connection_limit: 2",
        "    via: bouncer",
        "  - name: shop-admin",
        "    replicas: 1",
        "    connection_limit: 2",
        "");
  }

  @TempDir Path dir;

  @Test
  void auditHoldsThePoolersServerConnectionsAgainstItsPlannedTotal() throws Exception {
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    Path asRun = Files.writeString(dir.resolve("deployment.yaml"), plan(2));
    List<Connection> clients = new ArrayList<>();
    try (PgBouncer bouncer = PgBouncer.start(server, dir, "transaction", 2)) {
      try {
        for (int i = 0; i < 4; i++) {
          clients.add(bouncer.connectAsApp("shop-web"));
        }
        // Two clients inside a transaction each hold one of the pool's 2 server connections;
        // the other two are PgBouncer's clients only.
        for (Connection c : clients.subList(0, 2)) {
          c.setAutoCommit(false);
          selectOne(c);
        }
        Connection admin = server.connectAsApp("shop-admin");
        clients.add(admin);

        Cli.Result fits = audit(server, asRun, "--format", "json");

        assertThat(fits.exitCode()).as(fits.out() + fits.err()).isEqualTo(ExitCode.OK);
        JsonNode json = JSON.readTree(fits.out());
        assertThat(json.get("status").asText()).isEqualTo("ok");
        assertThat(json.get("planned_total").asLong()).isEqualTo(2 + 2);
        assertThat(json.get("observed_total").asLong()).isEqualTo(2 + 1);
        assertThat(json.get("apps")).hasSize(1);
        assertThat(json.get("apps").get(0).get("name").asText()).isEqualTo("shop-admin");
        assertThat(json.get("apps").get(0).get("observed_connections").asLong()).isEqualTo(1);
        JsonNode pooler = json.get("poolers").get(0);
        assertThat(pooler.get("name").asText()).isEqualTo("bouncer");
        assertThat(pooler.get("kind").asText()).isEqualTo("pgbouncer");
        assertThat(pooler.get("planned_server_connections").asLong()).isEqualTo(2);
        // What PgBouncer 1.18 really does: of the two server connections held in transactions,
        // the first (opened for the first client) carries application_name shop-web, the second
        // (opened while the first was busy) carries none, so it stays unplanned as (none).
        assertThat(pooler.get("observed_connections").asLong()).as(fits.out()).isEqualTo(1);
        assertThat(pooler.get("idle_in_transaction").asLong()).isEqualTo(1);
        assertThat(pooler.get("status").asText()).isEqualTo("ok");
        assertThat(json.get("unplanned")).hasSize(1);
        assertThat(json.get("unplanned").get(0).get("application_name").asText()).isEmpty();
        assertThat(json.get("unplanned").get(0).get("connections").asLong()).isEqualTo(1);

        Cli.Result table = audit(server, asRun);
        assertThat(table.out())
            .containsPattern("bouncer \\(pgbouncer\\) +2 +1 +0 +0 +1 +0 +ok")
            .contains(
                "bouncer: its server connections, counted by the application_names of the"
                    + " apps behind it (shop-web)");
      } finally {
        for (Connection c : clients) {
          c.close();
        }
      }
    }
  }

  private static void selectOne(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1")) {
      rs.next();
    }
  }

  private static Cli.Result audit(PostgresServer server, Path file, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                file.toString(),
                "--db",
                server.url(PostgresServer.MONITOR, PostgresServer.MONITOR_PASSWORD)));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }
}
