package dev.poolcalc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.cli.PostgresServer;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prisma 7 with {@code @prisma/adapter-pg} (pinned in src/test/clients/node/package-lock.json),
 * configured with exactly the variables {@code poolcalc env} renders for a {@code client:
 * prisma-pg} app and exactly the {@code new PrismaPg(...)} line {@code poolcalc plan} shows, passed
 * to {@code new PrismaClient({ adapter })} by prisma-driver.mjs and run against the embedded
 * PostgreSQL.
 *
 * <p>Prisma's own page on the connection pool in v7
 * (https://www.prisma.io/docs/orm/v7/prisma-client/setup-and-configuration/databases-connections/connection-pool,
 * "PostgreSQL (using the pg driver adapter)") says the pool is the driver's now and maps the v6 URL
 * parameters to pg's fields: the pool size ({@code connection_limit}) is {@code max}, default 10,
 * and the acquire timeout ({@code pool_timeout}) is {@code connectionTimeoutMillis}, default 0, no
 * timeout. pg's meaning of both is in {@link NodePostgresConformanceTest}; so the extra waiter
 * gives up with pg's "timeout exceeded when trying to connect", which Prisma passes on.
 */
@Tag("server")
class PrismaPgConformanceTest {

  private static final String APP = "conf-prisma-pg";
  private static final String CLIENT = "prisma-pg";
  private static final String DRIVER = "prisma-driver.mjs";

  @Test
  void theServerSeesTheRenderedLimitAndTheExtraWaiterTimesOut() throws Exception {
    NodeDrivers.requireInstalled("@prisma/adapter-pg/package.json", ".prisma/client/default.js");
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    Map<String, String> env = Deployment.renderedEnv(server, APP, CLIENT);
    assertThat(env)
        .containsOnlyKeys("DATABASE_URL", "DATABASE_POOL_MAX", "DATABASE_POOL_TIMEOUT_MS");
    assertThat(NodeDrivers.source(DRIVER))
        .as("%s builds its adapter with the snippet poolcalc plan shows", DRIVER)
        .contains("const adapter = " + Deployment.snippet(server, APP, CLIENT) + ";");

    Outcome outcome = PeakMonitor.heldToPlan(server, APP, () -> NodeDrivers.run(DRIVER, env));
    assertThat(outcome.errors().get(0)).contains("timeout exceeded when trying to connect");
    server.awaitNoClients();
  }
}
