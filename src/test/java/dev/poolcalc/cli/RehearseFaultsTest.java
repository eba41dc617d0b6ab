package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code poolcalc rehearse} when the server misbehaves during the hold: it ends one of the plan's
 * connections, or dies. Against real PostgreSQL 17; the server that dies is one of the test's own.
 */
@Tag("server")
class RehearseFaultsTest {

  /** web holds 2 × 2 = 4, telegram 1 × 2 = 2: six connections, seven with the reserve check. */
  private static final String SMALL_PLAN =
      String.join(
          "\n",
          "database:",
          "  name: exchanger_db",
          "  max_connections: 100",
          "  reserve: 15",
          "apps:",
          "  - name: exchanger-web",
          "    replicas: 2",
          "    connection_limit: 2",
          "  - name: exchanger-telegram",
          "    replicas: 1",
          "    connection_limit: 2",
          "");

  @TempDir Path dir;

  @Test
  void aPlannedConnectionTheServerEndsDuringTheHoldFailsTheRehearsalNamingItsApp()
      throws Exception {
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    Path file = Files.writeString(dir.resolve("deployment.yaml"), SMALL_PLAN);
    long start = System.nanoTime();
    CompletableFuture<Cli.Result> running =
        CompletableFuture.supplyAsync(() -> rehearse(server, file, "--hold", "20"));
    try (Connection observer = server.superuser()) {
      awaitPlanHeld(observer);

      terminateOne(observer, "exchanger-web");
    }

    Cli.Result result = running.get(10, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("noticed during the hold, not after it")
        .isLessThan(Duration.ofSeconds(10));
    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(result.out())
        .containsPattern("exchanger-web +4 +4")
        .containsPattern("total +6 +6")
        .containsPattern("reserve +1 +-")
        .contains(
            "FAILED: all 6 planned connections opened, but the server ended 1 of them during the"
                + " hold (exchanger-web: 1 of 4): FATAL: terminating connection due to"
                + " administrator command (SQLSTATE 57P01); find out what ends connections"
                + " (pg_terminate_backend, idle_session_timeout, a proxy) and rehearse again")
        .doesNotContain("the plan held")
        .contains("All connections are closed.");
    assertThat(result.out() + result.err()).doesNotContain(PostgresServer.APP_PASSWORD);
    try (Connection c = server.superuser()) {
      HeldConnections.awaitCondition(
          Duration.ofSeconds(10), "no client connection is left", () -> count(c, "%") == 0);
    }
  }

  @Test
  void aServerKilledDuringTheHoldIsUnreachableAtOnceNotAReserveFailure() throws Exception {
    PostgresServer server = PostgresServer.separate(17);
    try {
      Path file = Files.writeString(dir.resolve("deployment.yaml"), SMALL_PLAN);
      long start = System.nanoTime();
      CompletableFuture<Cli.Result> running =
          CompletableFuture.supplyAsync(() -> rehearse(server, file, "--hold", "30"));
      try (Connection observer = server.superuser()) {
        awaitPlanHeld(observer);

        ProcessHandle postmaster =
            ProcessHandle.of(PostgresServer.backendPid(observer))
                .flatMap(ProcessHandle::parent)
                .orElseThrow();
        assertThat(postmaster.info().command().orElse("")).endsWith("postgres");
        postmaster.destroyForcibly();
        postmaster.onExit().get(10, TimeUnit.SECONDS);
      }

      Cli.Result result = running.get(10, TimeUnit.SECONDS);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("noticed during the 30 s hold")
          .isLessThan(Duration.ofSeconds(15));
      assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCode.UNREACHABLE);
      assertThat(result.out()).isEmpty();
      // How many backends have exited when the rehearsal looks is a race; that it says so is not.
      assertThat(result.err())
          .startsWith(
              "poolcalc: rehearsing on localhost:"
                  + server.port()
                  + ": up to 7 connections\n"
                  + "poolcalc: error: lost localhost:"
                  + server.port()
                  + " during the hold: the server ended ")
          .containsPattern(
              " [1-6] of the 6 planned connections \\(FATAL: terminating connection due to"
                  + " unexpected postmaster exit \\(SQLSTATE 57P01\\)\\) and a new connection"
                  + " fails \\(connection refused\\); check that it is up, then rehearse again\n$")
          .doesNotContain("reserve")
          .doesNotContain("admins");
      assertThat(result.out() + result.err()).doesNotContain(PostgresServer.APP_PASSWORD);
    } finally {
      server.stop();
    }
  }

  private static Cli.Result rehearse(PostgresServer server, Path file, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "rehearse",
                file.toString(),
                "--yes",
                "--db",
                server.url(PostgresServer.APP, PostgresServer.APP_PASSWORD)));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /** Waits until the rehearsal holds all six planned connections (the hold has begun). */
  private static void awaitPlanHeld(Connection observer) {
    HeldConnections.awaitCondition(
        Duration.ofSeconds(15),
        "the rehearsal holds 4 exchanger-web and 2 exchanger-telegram connections",
        () -> count(observer, "exchanger-web") == 4 && count(observer, "exchanger-telegram") == 2);
  }

  /** Ends one connection of this app from the server side, as an admin or a timeout would. */
  private static void terminateOne(Connection observer, String app) throws SQLException {
    try (Statement st = observer.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                    + app
                    + "' LIMIT 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).isTrue();
    }
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
}
