package dev.poolcalc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.poolcalc.cli.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * HikariCP with pgjdbc, configured with exactly the variables {@code poolcalc env} renders for a
 * {@code client: hikari} app, against the embedded PostgreSQL.
 *
 * <p>The variables are Spring Boot's ({@code SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE} binds to
 * {@code spring.datasource.hikari.maximum-pool-size} by Spring's relaxed binding of environment
 * variables); this test binds them to {@link HikariConfig} the way Spring's {@code
 * DataSourceProperties} does: url, username, password, and the two pool knobs by name.
 */
@Tag("server")
class HikariConformanceTest {

  private static final String APP = "conf-hikari";

  @Test
  void theServerSeesTheRenderedLimitAndTheExtraWaiterTimesOut() throws Exception {
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    Map<String, String> env = Deployment.renderedEnv(server, APP, "hikari");

    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(env.get("SPRING_DATASOURCE_URL"));
    config.setUsername(env.get("SPRING_DATASOURCE_USERNAME"));
    config.setPassword(env.get("SPRING_DATASOURCE_PASSWORD"));
    config.setMaximumPoolSize(
        Integer.parseInt(env.get("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE")));
    config.setConnectionTimeout(
        Long.parseLong(env.get("SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT")));
    assertThat(env).hasSize(5);

    Outcome outcome;
    try (HikariDataSource pool = new HikariDataSource(config)) {
      outcome = PeakMonitor.heldToPlan(server, APP, () -> checkOutTooMany(pool));
    }
    assertThat(outcome.errors().get(0)).contains("Connection is not available");
    server.awaitNoClients();
  }

  /** The driver protocol of {@link Driver}, in threads. */
  private static Outcome checkOutTooMany(HikariDataSource pool) throws Exception {
    int checkouts = Deployment.LIMIT + 1;
    int hold = Deployment.POOL_TIMEOUT_SECONDS + 2;
    AtomicInteger acquired = new AtomicInteger();
    List<Long> failedAfter = Collections.synchronizedList(new ArrayList<>());
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    ExecutorService threads = Executors.newFixedThreadPool(checkouts);
    try {
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < checkouts; i++) {
        done.add(
            threads.submit(
                () -> {
                  try (Connection c = pool.getConnection();
                      Statement st = c.createStatement()) {
                    acquired.incrementAndGet();
                    st.execute("SELECT pg_sleep(" + hold + ")");
                  } catch (SQLException e) {
                    failedAfter.add((System.nanoTime() - start) / 1_000_000);
                    errors.add(String.valueOf(e.getMessage()));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    return new Outcome(acquired.get(), failedAfter, errors);
  }
}
