package dev.poolcalc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.cli.PostgresServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SQLAlchemy's QueuePool with psycopg2 (Debian's python3-sqlalchemy and python3-psycopg2, which
 * {@code .ci/run} installs), configured by src/test/clients/python/sqlalchemy_driver.py with
 * exactly the snippet and variables poolcalc renders for a {@code client: sqlalchemy} app.
 *
 * <p>This is the test that keeps {@code DB_MAX_OVERFLOW=0} honest: with max_overflow left at
 * SQLAlchemy's default of 10 the pool may open pool_size + 10 connections, so the one extra
 * checkout here would get a connection too: a peak of 4, not 3 (QueuePool's parameters:
 * https://docs.sqlalchemy.org/en/14/core/pooling.html#sqlalchemy.pool.QueuePool).
 */
@Tag("server")
class SqlAlchemyConformanceTest {

  private static final String APP = "conf-sqlalchemy";
  private static final String PYTHON = "/usr/bin/python3";

  @Test
  void theServerSeesTheRenderedLimitAndTheExtraWaiterTimesOut() throws Exception {
    Requirement.require(
        Driver.answers(PYTHON, "-c", "import sqlalchemy, psycopg2"),
        "SQLAlchemy with psycopg2 for " + PYTHON,
        "apt-get install python3-sqlalchemy python3-psycopg2");
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    Map<String, String> env = Deployment.renderedEnv(server, APP, "sqlalchemy");
    assertThat(env).containsEntry("DB_MAX_OVERFLOW", "0");

    Path clients = Path.of(System.getProperty("basedir", "."), "src", "test", "clients", "python");
    Outcome outcome =
        PeakMonitor.heldToPlan(
            server, APP, () -> Driver.run(clients, env, PYTHON, "sqlalchemy_driver.py"));
    assertThat(outcome.errors().get(0)).startsWith("TimeoutError: QueuePool limit of size 3");
    server.awaitNoClients();
  }
}
