package dev.poolcalc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.cli.PostgresServer;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * node-postgres ({@code pg} from npm, pinned in src/test/clients/node/package-lock.json),
 * configured with exactly the variables {@code poolcalc env} renders for a {@code client:
 * node-postgres} app and exactly the {@code new Pool(...)} line {@code poolcalc plan} shows, run by
 * pg-driver.mjs against the embedded PostgreSQL.
 *
 * <p>What the two knobs mean, from node-postgres' own reference
 * (https://node-postgres.com/apis/pool, "new Pool"): {@code max} is the "maximum number of clients
 * the pool should contain" (default 10), and {@code connectionTimeoutMillis} the "number of
 * milliseconds to wait before timing out when connecting a new client" (default 0, no timeout). The
 * page speaks of connecting, but pg-pool applies the same timer to a caller queued for a full pool,
 * which fails with "timeout exceeded when trying to connect": that is the waiter this test expects
 * to give up after pool_timeout.
 */
@Tag("server")
class NodePostgresConformanceTest {

  private static final String APP = "conf-node-postgres";
  private static final String CLIENT = "node-postgres";
  private static final String DRIVER = "pg-driver.mjs";

  @Test
  void theServerSeesTheRenderedLimitAndTheExtraWaiterTimesOut() throws Exception {
    NodeDrivers.requireInstalled("pg/package.json");
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    Map<String, String> env = Deployment.renderedEnv(server, APP, CLIENT);
    assertThat(env)
        .containsOnlyKeys("DATABASE_URL", "DATABASE_POOL_MAX", "DATABASE_POOL_TIMEOUT_MS");
    assertThat(NodeDrivers.source(DRIVER))
        .as("%s builds its pool with the snippet poolcalc plan shows", DRIVER)
        .contains("const pool = " + Deployment.snippet(server, APP, CLIENT) + ";");

    Outcome outcome = PeakMonitor.heldToPlan(server, APP, () -> NodeDrivers.run(DRIVER, env));
    assertThat(outcome.errors().get(0)).isEqualTo("timeout exceeded when trying to connect");
    server.awaitNoClients();
  }
}
