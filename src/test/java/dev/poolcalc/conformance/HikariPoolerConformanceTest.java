package dev.poolcalc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.poolcalc.cli.PgBouncer;
import dev.poolcalc.cli.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HikariCP with pgjdbc through a real PgBouncer 1.18 (Debian's; no prepared statement support, it
 * came in 1.21) in transaction mode with a pool of 2 server connections, configured with exactly
 * what {@code poolcalc env} renders: once for a file that only has the pooler's address (the
 * settings of a direct line), once for a file that says {@code via:} the pooler.
 *
 * <p>The {@link Interleaving} is the smallest sequence that moves a client between server
 * connections: pgjdbc names a statement on its 5th execution (prepareThreshold, default 5;
 * https://jdbc.postgresql.org/documentation/server-prepare/), another client then holds that server
 * connection in a transaction, and the next execution lands on a second server connection that has
 * never seen the name.
 */
@Tag("server")
class HikariPoolerConformanceTest {

  private static final String APP = "conf-hikari-pooled";

  @TempDir Path dir;

  @Test
  void theDirectSettingsLoseTheirPreparedStatementAndTheRenderedOnesDoNot() throws Exception {
    PgBouncer.require();
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    try (PgBouncer bouncer = PgBouncer.start(server, dir, "transaction", 2)) {
      Map<String, String> direct =
          Deployment.pooledEnv(server, bouncer.port(), APP, "hikari", false);
      Map<String, String> pooled =
          Deployment.pooledEnv(server, bouncer.port(), APP, "hikari", true);
      assertThat(direct.get("SPRING_DATASOURCE_URL"))
          .isEqualTo(
              "jdbc:postgresql://127.0.0.1:"
                  + bouncer.port()
                  + "/exchanger_db?ApplicationName="
                  + APP);
      assertThat(pooled.get("SPRING_DATASOURCE_URL"))
          .isEqualTo(direct.get("SPRING_DATASOURCE_URL") + "&prepareThreshold=0");

      assertThat(interleave(direct))
          .isNotEmpty()
          .allMatch(e -> e.matches(Interleaving.LOST_STATEMENT), Interleaving.LOST_STATEMENT);
      assertThat(interleave(pooled)).isEmpty();
    }
    server.awaitNoClients();
  }

  /** The errors the {@link Interleaving} meets with a pool configured from {@code env}. */
  private static List<String> interleave(Map<String, String> env) throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(env.get("SPRING_DATASOURCE_URL"));
    config.setUsername(env.get("SPRING_DATASOURCE_USERNAME"));
    config.setPassword(env.get("SPRING_DATASOURCE_PASSWORD"));
    config.setMaximumPoolSize(
        Integer.parseInt(env.get("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE")));
    config.setConnectionTimeout(
        Long.parseLong(env.get("SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT")));
    List<String> errors = new ArrayList<>();
    try (HikariDataSource pool = new HikariDataSource(config);
        Connection a = pool.getConnection();
        Connection b = pool.getConnection();
        PreparedStatement query = a.prepareStatement("SELECT ?::int")) {
      for (int i = 1; i <= Interleaving.WARM_UP; i++) {
        run(query, i, errors);
      }
      b.setAutoCommit(false);
      step(() -> b.createStatement().execute("SELECT 1"), errors);
      run(query, Interleaving.WARM_UP + 1, errors);
      step(b::commit, errors);
    }
    return errors;
  }

  interface Step {
    void run() throws SQLException;
  }

  private static void step(Step step, List<String> errors) {
    try {
      step.run();
    } catch (SQLException e) {
      errors.add("B: " + e.getMessage());
    }
  }

  private static void run(PreparedStatement query, int n, List<String> errors) {
    try {
      query.setInt(1, n);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(n);
      }
    } catch (SQLException e) {
      errors.add("A: " + e.getMessage());
    }
  }
}
