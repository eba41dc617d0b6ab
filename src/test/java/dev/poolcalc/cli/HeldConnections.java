package dev.poolcalc.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Connections a test holds open on purpose, closed together, also when the test fails, after which
 * their backends are waited out so the next test starts with free slots.
 */
final class HeldConnections implements AutoCloseable {

  private final List<Connection> connections = new ArrayList<>();
  private final List<Statement> running = new ArrayList<>();
  private final ExecutorService queries = Executors.newCachedThreadPool();

  /** Holds an idle connection. */
  Connection idle(Connection connection) {
    connections.add(connection);
    return connection;
  }

  /** Holds a connection left in an open transaction: state "idle in transaction". */
  Connection idleInTransaction(Connection connection) throws SQLException {
    connections.add(connection);
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      st.execute("SELECT 1");
    }
    return connection;
  }

  /** Holds a connection busy with a long query, state "active", until closed. */
  Connection active(Connection connection) throws SQLException {
    connections.add(connection);
    Statement st = connection.createStatement();
    running.add(st);
    var unused =
        queries.submit(
            () -> {
              try {
                st.execute("SELECT pg_sleep(60)");
              } catch (SQLException e) {
                // Cancelled on close: what we wanted.
              }
            });
    return connection;
  }

  /** Closes one held connection now and waits until its backend has exited. */
  void close(Connection connection) throws SQLException {
    long pid = PostgresServer.backendPid(connection);
    connections.remove(connection);
    connection.close();
    PostgresServer.awaitExit(List.of(pid));
  }

  @Override
  public void close() throws SQLException {
    List<Long> pids = new ArrayList<>();
    for (Statement st : running) {
      st.cancel();
    }
    queries.shutdownNow();
    try {
      queries.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Connection c : connections) {
      try {
        pids.add(PostgresServer.backendPid(c));
      } catch (SQLException e) {
        // Already broken: nothing to wait for beyond the close below.
      }
      c.close();
    }
    connections.clear();
    PostgresServer.awaitExit(pids);
  }

  /**
   * Checks {@code condition} every few milliseconds until it holds; fails after {@code timeout}.
   */
  static void awaitCondition(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting until " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }
}
