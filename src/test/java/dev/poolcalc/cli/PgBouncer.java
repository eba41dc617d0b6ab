package dev.poolcalc.cli;

import dev.poolcalc.conformance.Requirement;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real PgBouncer (Debian's {@code pgbouncer} package) in front of a {@link PostgresServer}, for
 * one test: listening on 127.0.0.1 at a free port, with the role {@code app} in its auth file, and
 * stopped by {@link #close}. PgBouncer refuses to run as root, so as root it is started through
 * {@code unshare -U} like the embedded PostgreSQL. Where it is not installed the test is skipped
 * with the reason printed ({@link Requirement}).
 */
public final class PgBouncer implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/sbin/pgbouncer");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final Process process;
  private final int port;
  private final Path log;

  private PgBouncer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Skips the calling test, saying why, when PgBouncer is not installed. */
  public static void require() {
    Requirement.require(
        Files.isExecutable(BINARY), "PgBouncer (" + BINARY + ")", "apt-get install pgbouncer");
  }

  /**
   * Starts PgBouncer for {@code exchanger_db} on {@code server}.
   *
   * @param poolMode session, transaction or statement
   * @param defaultPoolSize server connections per (user, database) pair
   */
  public static PgBouncer start(
      PostgresServer server, Path dir, String poolMode, int defaultPoolSize)
      throws IOException, InterruptedException {
    return start(server, dir, poolMode, defaultPoolSize, 100);
  }

  /**
   * Starts PgBouncer for {@code exchanger_db} on {@code server}, accepting {@code maxClientConn}
   * clients.
   */
  static PgBouncer start(
      PostgresServer server, Path dir, String poolMode, int defaultPoolSize, int maxClientConn)
      throws IOException, InterruptedException {
    require();
    int port = freePort();
    Path log = dir.resolve("pgbouncer.log");
    Path users = dir.resolve("userlist.txt");
    Files.writeString(
        users, "\"" + PostgresServer.APP + "\" \"" + PostgresServer.APP_PASSWORD + "\"\n");
    Path ini = dir.resolve("pgbouncer.ini");
    Files.writeString(
        ini,
        String.join(
            "\n",
            "[databases]",
            PostgresServer.DATABASE
                + " = host=127.0.0.1 port="
                + server.port()
                + " dbname="
                + PostgresServer.DATABASE,
            "[pgbouncer]",
            "listen_addr = 127.0.0.1",
            "listen_port = " + port,
            "unix_socket_dir =",
            "auth_type = scram-sha-256",
            "auth_file = " + users,
            "pool_mode = " + poolMode,
            "default_pool_size = " + defaultPoolSize,
            "max_client_conn = " + maxClientConn,
            // pgjdbc sends extra_float_digits at startup; PgBouncer refuses what it does not know.
            "ignore_startup_parameters = extra_float_digits",
            "logfile = " + log,
            "pidfile = " + dir.resolve("pgbouncer.pid"),
            ""));
    List<String> command =
        "root".equals(System.getProperty("user.name"))
            ? List.of("unshare", "-U", BINARY.toString(), ini.toString())
            : List.of(BINARY.toString(), ini.toString());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("pgbouncer.out").toFile()))
            .start();
    PgBouncer bouncer = new PgBouncer(process, port, log);
    bouncer.awaitListening();
    return bouncer;
  }

  public int port() {
    return port;
  }

  /** A postgresql:// URL to exchanger_db through this PgBouncer. */
  String url(String role, String password) {
    return "postgresql://"
        + role
        + ":"
        + password
        + "@127.0.0.1:"
        + port
        + "/"
        + PostgresServer.DATABASE;
  }

  /**
   * A client connection as {@code app} through PgBouncer with this application_name; empty for a
   * client that sets none. Server-side prepared statements are off: transaction mode moves a client
   * between server connections.
   */
  Connection connectAsApp(String applicationName) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", PostgresServer.APP);
    props.setProperty("password", PostgresServer.APP_PASSWORD);
    props.setProperty("ApplicationName", applicationName);
    props.setProperty("prepareThreshold", "0");
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + PostgresServer.DATABASE, props);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private void awaitListening() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("PgBouncer exited at start; see " + log);
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("PgBouncer did not listen within " + WAIT + "; see " + log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
