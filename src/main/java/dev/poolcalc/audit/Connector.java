package dev.poolcalc.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens one connection with the whole attempt (TCP, TLS, login) bounded by the target's
 * connect_timeout.
 *
 * <p>pgjdbc bounds the TCP connect by connectTimeout and the login by loginTimeout, but a server
 * that accepts and then says nothing is waited on for the login's read; here the attempt runs on a
 * thread of its own and is given up at the deadline. A connection that arrives after that is closed
 * at once, so a rehearsal never holds one it did not count.
 */
final class Connector {

  private Connector() {}

  /**
   * @throws SQLTimeoutException no connection within connect_timeout
   * @throws SQLException the driver's or the server's refusal
   */
  static Connection open(DatabaseTarget target, Properties properties) throws SQLException {
    String url = target.jdbcUrl();
    CompletableFuture<Connection> attempt = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                attempt.complete(DriverManager.getConnection(url, properties));
              } catch (SQLException | RuntimeException e) {
                attempt.completeExceptionally(e);
              }
            },
            "poolcalc-connect");
    thread.setDaemon(true);
    thread.start();
    try {
      return attempt.get(target.connectTimeout(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      abandon(attempt);
      throw new SQLTimeoutException(
          "no answer within " + target.connectTimeout() + " s", "08001", e);
    } catch (InterruptedException e) {
      abandon(attempt);
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while connecting", "08001", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static void abandon(CompletableFuture<Connection> attempt) {
    var unused = attempt.thenAccept(OpenConnections::quietlyClose);
  }
}
