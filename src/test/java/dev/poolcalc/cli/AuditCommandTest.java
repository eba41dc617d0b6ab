package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code poolcalc audit} against real PostgreSQL 14 (no reserved_connections) and 17. */
@Tag("server")
class AuditCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** web may hold 2 × 2 = 4, telegram 1 × 2 = 2. */
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

  @ParameterizedTest(name = "PostgreSQL {0}")
  @ValueSource(ints = {14, 17})
  void auditCountsEveryApplicationNameExactlyAndFlagsDriftUntilTheExtrasClose(int version)
      throws Exception {
    PostgresServer server = PostgresServer.version(version);
    server.awaitNoClients();
    Path file = write("deployment.yaml", SMALL_PLAN);
    try (HeldConnections held = new HeldConnections()) {
      held.active(server.connectAsApp("exchanger-web"));
      held.idleInTransaction(server.connectAsApp("exchanger-web"));
      held.idle(server.connectAsApp("exchanger-web"));
      held.idle(server.connectAsApp("exchanger-telegram"));
      held.idle(server.connectAsApp("exchanger-telegram"));
      Connection extraBot = held.idle(server.connectAsApp("exchanger-telegram"));
      Connection psql1 = held.idle(server.connectAsApp("psql"));
      Connection psql2 = held.idle(server.connectAsApp("psql"));
      held.idle(
          server.connect(
              PostgresServer.APP, PostgresServer.APP_PASSWORD, "postgres", "exchanger-web"));
      awaitActive(server, "exchanger-web", 1);

      Cli.Result drift = audit(server, file, "--format", "json");

      assertThat(drift.exitCode()).as(drift.err()).isEqualTo(ExitCode.CHECK_FAILED);
      JsonNode json = JSON.readTree(drift.out());
      assertThat(json.get("status").asText()).isEqualTo("drift");
      assertThat(json.get("planned_total").asLong()).isEqualTo(6);
      assertThat(json.get("observed_total").asLong()).isEqualTo(8);
      assertThat(json.get("other_databases_connections").asLong()).isEqualTo(1);
      assertThat(json.get("utilization_percent").decimalValue()).isEqualByComparingTo("9.0");
      assertApp(json.get("apps").get(0), "exchanger-web", 4, 3, 1, 1, 1, "ok");
      assertApp(json.get("apps").get(1), "exchanger-telegram", 2, 3, 0, 3, 0, "over");
      assertThat(json.get("unplanned")).hasSize(1);
      assertThat(json.get("unplanned").get(0).get("application_name").asText()).isEqualTo("psql");
      assertThat(json.get("unplanned").get(0).get("connections").asLong()).isEqualTo(2);
      assertThat(codes(json)).containsExactly("app-over-plan", "unplanned-connections");
      assertThat(json.get("findings").get(0).get("app").asText()).isEqualTo("exchanger-telegram");
      assertThat(json.get("findings").get(0).get("message").asText())
          .startsWith(
              "exchanger-telegram holds 3 connections, 1 over its plan of 2 (1 instance × 2)");
      assertServer(json.get("server"), version);

      held.close(extraBot);
      held.close(psql1);
      held.close(psql2);
      Cli.Result fits = audit(server, file, "--format", "json");

      assertThat(fits.exitCode()).as(fits.out() + fits.err()).isEqualTo(ExitCode.OK);
      JsonNode after = JSON.readTree(fits.out());
      assertThat(after.get("status").asText()).isEqualTo("ok");
      assertThat(after.get("observed_total").asLong()).isEqualTo(5);
      assertApp(after.get("apps").get(1), "exchanger-telegram", 2, 2, 0, 2, 0, "ok");
      assertThat(after.get("unplanned")).isEmpty();
      assertThat(after.get("findings")).isEmpty();
    }
  }

  @Test
  void tableShowsEachApplicationNameBesideItsPlanLikeTheMonitoringQuery() throws Exception {
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    Path file = write("deployment.yaml", SMALL_PLAN);
    try (HeldConnections held = new HeldConnections()) {
      held.idle(server.connectAsApp("exchanger-web"));
      held.idle(server.connectAsApp("pgAdmin"));

      Cli.Result result =
          Cli.run(
              Map.of(
                  "DATABASE_URL",
                  server.url(PostgresServer.MONITOR, PostgresServer.MONITOR_PASSWORD)),
              "",
              "audit",
              file.toString(),
              "--db-env",
              "DATABASE_URL");

      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
      assertThat(result.out())
          .contains("exchanger_db on localhost:" + server.port() + ": PostgreSQL 17.")
          .containsPattern("APPLICATION_NAME +PLANNED +CONNECTIONS +ACTIVE +IDLE +IDLE_IN_TX")
          .containsPattern("exchanger-web +4 +1 +0 +1 +0 +0 +ok")
          .containsPattern("exchanger-telegram +2 +0 +0 +0 +0 +0 +ok")
          .containsPattern("pgAdmin +- +1 +0 +1 +0 +0 +unplanned")
          .containsPattern("total +6 +2")
          .contains("Client connections in all databases: 2 of max_connections 100 (2.0%)")
          .contains("OK: every app is within its plan")
          .contains(
              "warning: 1 connection comes from application_names no app in the file has"
                  + " (1 × \"pgAdmin\")");
    }
  }

  @Test
  void roleWithoutReadAllStatsIsToldSoAndStillCountsOtherRolesConnections() throws Exception {
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    Path file = write("deployment.yaml", SMALL_PLAN);
    try (HeldConnections held = new HeldConnections()) {
      Connection admin = held.idle(server.superuser());
      try (var st = admin.createStatement()) {
        st.execute("SET application_name = 'exchanger-web'");
      }
      held.idle(server.connectAsApp("exchanger-web"));

      Cli.Result result =
          Cli.run(
              "audit",
              file.toString(),
              "--db",
              server.url(PostgresServer.APP, PostgresServer.APP_PASSWORD),
              "--format",
              "json");

      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
      JsonNode json = JSON.readTree(result.out());
      assertThat(json.get("role").asText()).isEqualTo("app");
      assertApp(json.get("apps").get(0), "exchanger-web", 4, 2, 0, 1, 0, "ok");
      assertThat(json.get("apps").get(0).get("other").asLong()).isEqualTo(1);
      JsonNode finding = json.get("findings").get(0);
      assertThat(finding.get("code").asText()).isEqualTo("limited-view");
      assertThat(finding.get("severity").asText()).isEqualTo("warning");
      assertThat(finding.get("message").asText())
          .contains("1 connection of other roles show only their application_name")
          .contains("GRANT pg_read_all_stats TO app");
    }
  }

  @ParameterizedTest(name = "PostgreSQL {0}")
  @ValueSource(ints = {14, 17})
  void serverSettingsThatDifferFromTheFileAreDrift(int version) throws Exception {
    PostgresServer server = PostgresServer.version(version);
    Path file =
        write(
            "deployment.yaml",
            SMALL_PLAN
                .replace("max_connections: 100", "max_connections: 200")
                .replace("reserve: 15", "reserve: 15\n  reserved_connections: 2"));

    Cli.Result result = audit(server, file, "--format", "json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.CHECK_FAILED);
    JsonNode json = JSON.readTree(result.out());
    assertThat(json.get("status").asText()).isEqualTo("drift");
    assertServer(json.get("server"), version);
    List<String> messages = new ArrayList<>();
    json.get("findings").forEach(f -> messages.add(f.get("message").asText()));
    assertThat(codes(json)).containsExactly("server-settings-differ", "server-settings-differ");
    assertThat(messages.get(0))
        .isEqualTo(
            "the server's max_connections is 100 but the file says 200: set"
                + " database.max_connections to 100 and plan again");
    assertThat(messages.get(1))
        .isEqualTo(
            version >= 16
                ? "the server's reserved_connections is 0 but the file says 2: set"
                    + " database.reserved_connections to 0 and plan again"
                : "the file sets database.reserved_connections 2, but PostgreSQL 14 has no such"
                    + " setting (it came in 16): set it to 0 or remove it");
  }

  /**
   * The test server's max_connections is 100 (set by hand in {@link PostgresServer}). Against it:
   * aws-rds db.t3.micro's upper bound floor(1 GiB / 9531392) = floor(112.65) = 112, whose trusted
   * share is floor(112 × 0.9) = floor(100.8) = 100; Supabase Nano's exact 60; Neon 0.25's exact
   * 104.
   */
  @ParameterizedTest(name = "PostgreSQL {0}")
  @ValueSource(ints = {14, 17})
  void maxConnectionsFromTheCatalogIsComparedWithTheServersAndTheDifferenceExplained(int version)
      throws Exception {
    PostgresServer server = PostgresServer.version(version);

    JsonNode rds = auditJson(server, "  provider: aws-rds\n  instance: db.t3.micro");
    JsonNode supabase = auditJson(server, "  provider: supabase\n  instance: nano");
    JsonNode neon = auditJson(server, "  provider: neon\n  instance: \"0.25\"");
    JsonNode written =
        auditJson(server, "  provider: neon\n  instance: \"0.25\"\n  max_connections: 100");

    assertThat(rds.get("status").asText()).isEqualTo("ok");
    assertThat(catalogFinding(rds, "warning"))
        .startsWith(
            "the server's max_connections is 100, below the catalog's upper bound of 112 for"
                + " aws-rds db.t3.micro, as expected: the provider computes it from the memory"
                + " left after the operating system's share (DBInstanceClassMemory)")
        .endsWith(
            "write database.max_connections: 100 in the file and plan again on the"
                + " server's own number");
    assertThat(supabase.get("status").asText()).isEqualTo("drift");
    assertThat(catalogFinding(supabase, "error"))
        .startsWith(
            "the server's max_connections is 100, above the catalog's 60 for supabase nano: a"
                + " custom parameter group");
    assertThat(neon.get("status").asText()).isEqualTo("drift");
    assertThat(catalogFinding(neon, "error"))
        .startsWith("the server's max_connections is 100, below the catalog's 104 for neon 0.25");
    // The catalog's reserved slots are the provider's, kept by other means: not compared.
    assertThat(codes(neon)).containsExactly("max-connections-differs-from-catalog");
    assertThat(codes(written)).doesNotContain("max-connections-differs-from-catalog");
    assertThat(written.get("status").asText()).isEqualTo("ok");
  }

  private JsonNode auditJson(PostgresServer server, String provider) throws Exception {
    Path file =
        write(
            "deployment.yaml",
            SMALL_PLAN
                .replace("  max_connections: 100", provider)
                .replace("reserve: 15", "reserve: 5"));
    Cli.Result result = audit(server, file, "--format", "json");
    assertThat(result.exitCode()).as(result.err()).isIn(ExitCode.OK, ExitCode.CHECK_FAILED);
    return JSON.readTree(result.out());
  }

  private static String catalogFinding(JsonNode json, String severity) {
    for (JsonNode f : json.get("findings")) {
      if (f.get("code").asText().equals("max-connections-differs-from-catalog")) {
        assertThat(f.get("severity").asText()).isEqualTo(severity);
        return f.get("message").asText();
      }
    }
    throw new AssertionError("no max-connections-differs-from-catalog in " + json.get("findings"));
  }

  @Test
  void closedPortExitsThreeWithinTheConnectTimeoutNamingHostAndPort() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path file = write("deployment.yaml", SMALL_PLAN);
    long start = System.nanoTime();

    Cli.Result result =
        Cli.run(
            "audit",
            file.toString(),
            "--db",
            "postgresql://app:Closed-Port-Pw@127.0.0.1:" + port + "/exchanger_db");

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(result.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(took).isLessThan(Duration.ofSeconds(5));
    assertThat(result.err())
        .isEqualTo(
            "poolcalc: error: cannot reach 127.0.0.1:"
                + port
                + ": connection refused; check the host and port, and that PostgreSQL listens"
                + " there\n");
    assertThat(result.out() + result.err()).doesNotContain("Closed-Port-Pw");
  }

  @Test
  void serverThatAcceptsAndSaysNothingExitsThreeWithinTheConnectTimeout() throws Exception {
    Path file = write("deployment.yaml", SMALL_PLAN);
    try (FakeServer silent = FakeServer.silent()) {
      long start = System.nanoTime();

      Cli.Result result =
          Cli.run(
              "audit",
              file.toString(),
              "--db",
              "postgresql://app:Silent-Pw@127.0.0.1:"
                  + silent.port()
                  + "/exchanger_db?connect_timeout=2");

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(silent.accepted()).as("the server saw the attempt").isPositive();
      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.UNREACHABLE);
      assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofMillis(3500));
      assertThat(result.err())
          .isEqualTo(
              "poolcalc: error: cannot reach 127.0.0.1:"
                  + silent.port()
                  + ": no answer within 2 s (connect_timeout); check the host, port and"
                  + " firewall\n");
      assertThat(result.out() + result.err()).doesNotContain("Silent-Pw");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http", "random"})
  void serverThatAnswersSomethingElseIsNotAPostgresServer(String answer) throws Exception {
    Path file = write("deployment.yaml", SMALL_PLAN);
    try (FakeServer other = FakeServer.answering(FakeServer.answer(answer))) {

      Cli.Result result =
          Cli.run(
              "audit",
              file.toString(),
              "--db",
              "postgresql://app:Other-Pw@127.0.0.1:" + other.port() + "/exchanger_db");

      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.UNREACHABLE);
      assertThat(result.err())
          .isEqualTo(
              "poolcalc: error: 127.0.0.1:"
                  + other.port()
                  + " is not a PostgreSQL server: it answered in a way PostgreSQL never does;"
                  + " check the host and port\n");
      assertThat(result.out() + result.err()).doesNotContain("Other-Pw");
    }
  }

  @Test
  void hugeConnectTimeoutIsCappedInsteadOfOverflowing() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path file = write("deployment.yaml", SMALL_PLAN);

    Cli.Result result =
        Cli.run(
            "audit",
            file.toString(),
            "--db",
            "postgresql://app:Huge-Pw@127.0.0.1:"
                + port
                + "/exchanger_db?connect_timeout=2147483647");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(result.err())
        .isEqualTo(
            "poolcalc: error: cannot reach 127.0.0.1:"
                + port
                + ": connection refused; check the host and port, and that PostgreSQL listens"
                + " there\n");
    assertThat(result.out() + result.err()).doesNotContain("Huge-Pw");
  }

  @Test
  void wrongPasswordExitsThreeAndThePasswordAppearsNowhere() throws Exception {
    PostgresServer server = PostgresServer.version(17);
    Path file = write("deployment.yaml", SMALL_PLAN);
    String wrong = "Wrong-Pa55word";

    Cli.Result result =
        Cli.run("audit", file.toString(), "--db", server.url(PostgresServer.APP, wrong));

    assertThat(result.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(result.err())
        .startsWith(
            "poolcalc: error: localhost:" + server.port() + " refused the login of role app:")
        .contains("password authentication failed for user \"app\"");
    assertThat(result.out() + result.err()).doesNotContain(wrong).doesNotContain("Pa55");
  }

  @Test
  void badDbUrlIsInvalidInputAndNeverEchoesThePassword() throws Exception {
    Path file = write("deployment.yaml", SMALL_PLAN);

    Cli.Result noScheme = Cli.run("audit", file.toString(), "--db", "app:hunter2@db.internal/x");
    Cli.Result badEscape =
        Cli.run("audit", file.toString(), "--db", "postgresql://app:hun%zzter2@db.internal/x");

    assertThat(noScheme.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(noScheme.err()).startsWith("poolcalc: error: --db is not a usable connection URL:");
    assertThat(noScheme.err()).doesNotContain("hunter2");
    assertThat(badEscape.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(badEscape.err()).contains("bad percent-encoding").doesNotContain("%zz");
  }

  @Test
  void unsetDbEnvVariableIsInvalidInput() throws Exception {
    Path file = write("deployment.yaml", SMALL_PLAN);

    Cli.Result result = Cli.run("audit", file.toString(), "--db-env", "NO_SUCH_DATABASE_URL");

    assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            "poolcalc: error: --db-env NO_SUCH_DATABASE_URL: the variable is not set; export it"
                + " or pass --db URL\n");
  }

  @Test
  void auditNeedsExactlyOneOfDbAndDbEnv() throws Exception {
    Path file = write("deployment.yaml", SMALL_PLAN);

    Cli.Result none = Cli.run("audit", file.toString());
    Cli.Result both =
        Cli.run("audit", file.toString(), "--db", "postgresql://h/db", "--db-env", "X");

    assertThat(none.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(none.err()).contains("--db=URL").contains("--db-env=VAR");
    assertThat(both.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(both.err()).contains("mutually exclusive");
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

  private static void assertApp(
      JsonNode app,
      String name,
      long planned,
      long observed,
      long active,
      long idle,
      long idleInTransaction,
      String status) {
    assertThat(app.get("name").asText()).isEqualTo(name);
    assertThat(app.get("planned_connections").asLong()).as(name + " planned").isEqualTo(planned);
    assertThat(app.get("observed_connections").asLong()).as(name + " observed").isEqualTo(observed);
    assertThat(app.get("active").asLong()).as(name + " active").isEqualTo(active);
    assertThat(app.get("idle").asLong()).as(name + " idle").isEqualTo(idle);
    assertThat(app.get("idle_in_transaction").asLong())
        .as(name + " idle in transaction")
        .isEqualTo(idleInTransaction);
    assertThat(app.get("status").asText()).as(name + " status").isEqualTo(status);
  }

  private static void assertServer(JsonNode server, int version) {
    assertThat(server.get("version").asText()).startsWith(version + ".");
    assertThat(server.get("max_connections").asLong()).isEqualTo(100);
    assertThat(server.get("superuser_reserved_connections").asLong()).isEqualTo(3);
    if (version >= 16) {
      assertThat(server.get("reserved_connections").asLong()).isZero();
    } else {
      assertThat(server.get("reserved_connections").isNull()).isTrue();
    }
  }

  private static List<String> codes(JsonNode json) {
    List<String> codes = new ArrayList<>();
    json.get("findings").forEach(f -> codes.add(f.get("code").asText()));
    return codes;
  }

  /** Waits until the server shows {@code count} active connections of this application_name. */
  private static void awaitActive(PostgresServer server, String app, int count)
      throws SQLException {
    try (Connection c = server.superuser();
        PreparedStatement st =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?"
                    + " AND state = 'active'")) {
      st.setString(1, app);
      HeldConnections.awaitCondition(
          Duration.ofSeconds(10),
          count + " active " + app + " connection(s)",
          () -> {
            try (ResultSet rs = st.executeQuery()) {
              rs.next();
              return rs.getLong(1) == count;
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
      long pid = PostgresServer.backendPid(c);
      c.close();
      PostgresServer.awaitExit(List.of(pid));
    }
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
