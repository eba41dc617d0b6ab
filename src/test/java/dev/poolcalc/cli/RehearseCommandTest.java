package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.config.DeploymentReader;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Sizing;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code poolcalc rehearse} against real PostgreSQL 14 and 17, as the ordinary role {@code app}:
 * the model must agree with PostgreSQL itself.
 */
@Tag("server")
class RehearseCommandTest {

  private static final String PRODUCTION = "examples/production.yaml";
  private static final String SCENARIO_2 = "examples/scenario-2-scaled-out.yaml";

  @ParameterizedTest(name = "PostgreSQL {0}")
  @ValueSource(ints = {14, 17})
  void productionPlanHoldsAndTheReserveAdmitsOneMore(int version) throws Exception {
    PostgresServer server = PostgresServer.version(version);
    server.awaitNoClients();

    Cli.Result result = rehearse(server, PRODUCTION);

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCode.OK);
    assertThat(result.out())
        .containsPattern("exchanger-web +51 +51")
        .containsPattern("exchanger-telegram +34 +34")
        .containsPattern("total +85 +85")
        .containsPattern("reserve +1 +1")
        .contains(
            "OK: all 85 planned connections opened and one more got in for the reserve;"
                + " the plan held")
        .contains(
            "As predicted: role app can hold 97 connections here: max_connections 100 − 3"
                + " superuser_reserved − 0 reserved − 0 other clients, so all 86 should get in")
        .contains("All connections are closed.");
    assertNoConnectionsLeft(server);
  }

  @ParameterizedTest(name = "PostgreSQL {0}")
  @ValueSource(ints = {14, 17})
  void scenarioTwoFailsAtTheNinetyEighthConnectionExactlyAsThePlanPredicts(int version)
      throws Exception {
    PostgresServer server = PostgresServer.version(version);
    server.awaitNoClients();
    Plan plan =
        Sizing.plan(
            DeploymentReader.read(SCENARIO_2, InputStream.nullInputStream(), Map.of())
                .deployment());
    long predicted = plan.budget().usable() + 1;

    Cli.Result result = rehearse(server, SCENARIO_2);

    assertThat(predicted).isEqualTo(98);
    assertThat(plan.findings().get(0).code()).isEqualTo("over-usable");
    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(result.out())
        .containsPattern("exchanger-web +60 +60")
        .containsPattern("exchanger-telegram +40 +37")
        .containsPattern("total +100 +97")
        .containsPattern("reserve +1 +-")
        .contains(
            "FAILED: PostgreSQL refused connection "
                + predicted
                + " of 100, exchanger-telegram's connection 38 of 40: FATAL: remaining"
                + " connection slots are reserved for ")
        .contains("(SQLSTATE 53300)")
        .contains("As predicted: role app can hold 97 connections here")
        .contains("so connection 98 should be refused");
    assertNoConnectionsLeft(server);
  }

  @Test
  void planConnectionsAreOpenUnderTheirAppNamesWhileHeldAndNeverMoreThanPlanned() throws Exception {
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    CompletableFuture<Cli.Result> running =
        CompletableFuture.supplyAsync(() -> rehearse(server, PRODUCTION, "--hold", "3"));
    try (Connection observer = server.superuser()) {
      HeldConnections.awaitCondition(
          Duration.ofSeconds(15),
          "the rehearsal holds 51 exchanger-web and 34 exchanger-telegram connections",
          () ->
              count(observer, "exchanger-web") == 51
                  && count(observer, "exchanger-telegram") == 34);

      assertThat(count(observer, "%")).isEqualTo(85);
    }
    Cli.Result result = running.get(30, TimeUnit.SECONDS);
    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCode.OK);
    assertNoConnectionsLeft(server);
  }

  @Test
  void refusesWhenOtherClientsWouldPassMaxConnectionsWithThePlan() throws Exception {
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    try (HeldConnections held = new HeldConnections()) {
      held.idle(server.connectAsApp("pgAdmin"));

      Cli.Result result = rehearse(server, SCENARIO_2);

      assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(result.err())
          .contains(
              "poolcalc: error: not rehearsing: 1 other client connection already hold slots, and"
                  + " with the plan's 100 that passes max_connections 100")
          .contains("could not tell a bad plan from a busy server");
      assertThat(result.out()).isEmpty();
    }
    assertNoConnectionsLeft(server);
  }

  @Test
  void aSuperuserRehearsalWarnsThatItMayUseSlotsTheAppsCannot() throws Exception {
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();

    Cli.Result result =
        Cli.run(
            "rehearse",
            SCENARIO_2,
            "--yes",
            "--db",
            "postgresql://postgres@localhost:" + server.port() + "/exchanger_db");

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(result.out())
        .containsPattern("total +100 +100")
        .contains("FAILED: all 100 planned connections opened, but PostgreSQL refused one more")
        .contains("FATAL: sorry, too many clients already (SQLSTATE 53300)")
        .contains("As predicted: role postgres can hold 100 connections here")
        .contains(
            "warning: role postgres is a superuser: PostgreSQL lets it use the 3"
                + " superuser_reserved_connections your apps cannot; rehearse as the apps' own"
                + " role [superuser-rehearsal]");
    assertNoConnectionsLeft(server);
  }

  @Test
  void refusesWithoutYesAndConnectsNowhere() {
    Cli.Result result =
        Cli.run("rehearse", PRODUCTION, "--db", "postgresql://app:pw@127.0.0.1:1/exchanger_db");

    assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            "poolcalc: error: rehearse opens up to 86 connections on the server; run it against"
                + " staging only, and add --yes to go ahead\n");
  }

  @Test
  void unreachableServerExitsThreeWithoutThePassword() {
    Cli.Result result =
        Cli.run(
            "rehearse", PRODUCTION, "--yes", "--db", "postgresql://app:Rehearse-Pw@127.0.0.1:1/x");

    assertThat(result.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(result.err()).contains("cannot reach 127.0.0.1:1: connection refused");
    assertThat(result.out() + result.err()).doesNotContain("Rehearse-Pw");
  }

  @Test
  void serverThatAcceptsAndSaysNothingExitsThreeWithinTheConnectTimeout() throws Exception {
    try (FakeServer silent = FakeServer.silent()) {
      long start = System.nanoTime();

      Cli.Result result =
          Cli.run(
              "rehearse",
              PRODUCTION,
              "--yes",
              "--db",
              "postgresql://app:Silent-Pw@127.0.0.1:"
                  + silent.port()
                  + "/exchanger_db?connect_timeout=2");

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.UNREACHABLE);
      assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofMillis(3500));
      assertThat(result.err())
          .endsWith(
              "poolcalc: error: cannot reach 127.0.0.1:"
                  + silent.port()
                  + ": no answer within 2 s (connect_timeout); check the host, port and"
                  + " firewall\n");
      assertThat(result.out()).isEmpty();
      assertThat(result.out() + result.err()).doesNotContain("Silent-Pw");
    }
  }

  @Test
  void serverThatAnswersHttpIsNotAPostgresServer() throws Exception {
    try (FakeServer http = FakeServer.answering(FakeServer.answer("http"))) {

      Cli.Result result =
          Cli.run(
              "rehearse",
              PRODUCTION,
              "--yes",
              "--db",
              "postgresql://app:Http-Pw@127.0.0.1:" + http.port() + "/exchanger_db");

      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.UNREACHABLE);
      assertThat(result.err())
          .endsWith(
              "poolcalc: error: 127.0.0.1:"
                  + http.port()
                  + " is not a PostgreSQL server: it answered in a way PostgreSQL never does;"
                  + " check the host and port\n");
      assertThat(result.out() + result.err()).doesNotContain("Http-Pw");
    }
  }

  private static Cli.Result rehearse(PostgresServer server, String file, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "rehearse",
                file,
                "--yes",
                "--db",
                server.url(PostgresServer.APP, PostgresServer.APP_PASSWORD)));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /** Client connections, other than the asking one, whose application_name is LIKE this. */
  private static long count(Connection c, String applicationName) {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
                    + " AND pid <> pg_backend_pid() AND application_name LIKE '"
                    + applicationName
                    + "'")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every connection the rehearsal opened is gone from the server, not just from the client. */
  private static void assertNoConnectionsLeft(PostgresServer server) throws SQLException {
    try (Connection c = server.superuser()) {
      HeldConnections.awaitCondition(
          Duration.ofSeconds(10), "no client connection is left", () -> count(c, "%") == 0);
    }
  }
}
