package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

/** What pg_stat_activity shows for the server connections a real PgBouncer opens. */
@Tag("server")
class PgBouncerActivityTest {

  @TempDir Path dir;

  /**
   * PgBouncer opens its server connections as the client's role from its own address, and sets each
   * one's application_name to that of the client it last served (empty when that client set none):
   * so an app behind PgBouncer shows up on the server under its own application_name.
   */
  @Test
  void serverConnectionsCarryTheLastClientsApplicationNameRoleAndPoolerAddress() throws Exception {
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    try (PgBouncer bouncer = PgBouncer.start(server, dir, "transaction", 2)) {
      try (Connection web = bouncer.connectAsApp("shop-web")) {
        query(web);
        assertThat(rows(server)).containsExactly("app|shop-web|127.0.0.1|idle");
      }
      assertThat(rows(server))
          .as("the server connection outlives its client and keeps its name")
          .containsExactly("app|shop-web|127.0.0.1|idle");
      try (Connection none = bouncer.connectAsApp("")) {
        query(none);
        assertThat(rows(server)).containsExactly("app||127.0.0.1|idle");
      }
      try (Connection worker = bouncer.connectAsApp("shop-worker")) {
        query(worker);
        assertThat(rows(server)).containsExactly("app|shop-worker|127.0.0.1|idle");
      }
    }
  }

  private static void query(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1")) {
      rs.next();
    }
  }

  private static List<String> rows(PostgresServer server) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = server.superuser();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT usename, application_name, host(client_addr), state FROM pg_stat_activity"
                    + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
      while (rs.next()) {
        out.add(
            rs.getString(1)
                + "|"
                + rs.getString(2)
                + "|"
                + rs.getString(3)
                + "|"
                + rs.getString(4));
      }
    }
    return out;
  }
}
