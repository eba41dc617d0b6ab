package dev.poolcalc.conformance;

import dev.poolcalc.cli.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches the server, not the library: every few milliseconds it counts the client backends in
 * pg_stat_activity with one application_name, and keeps the largest count seen. Its own superuser
 * connection is not counted (it has no application_name of the app).
 */
final class PeakMonitor implements AutoCloseable {

  private static final String COUNT =
      "SELECT count(*) FROM pg_stat_activity"
          + " WHERE backend_type = 'client backend' AND application_name = ?";

  private final AtomicInteger peak = new AtomicInteger();
  private final AtomicReference<SQLException> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean running = true;

  private PeakMonitor(PostgresServer server, String applicationName) {
    thread = new Thread(() -> poll(server, applicationName), "peak-" + applicationName);
    thread.setDaemon(true);
    thread.start();
  }

  static PeakMonitor watch(PostgresServer server, String applicationName) {
    return new PeakMonitor(server, applicationName);
  }

  /**
   * Runs one client's checkouts while watching its application_name, then holds what the server saw
   * and what the client reported to the plan ({@link Outcome#assertHeldTo}).
   */
  static Outcome heldToPlan(PostgresServer server, String applicationName, Callable<Outcome> run)
      throws Exception {
    Outcome outcome;
    int peak;
    try (PeakMonitor monitor = watch(server, applicationName)) {
      outcome = run.call();
      monitor.close();
      peak = monitor.peak();
    }
    outcome.assertHeldTo(Deployment.LIMIT, peak, Deployment.POOL_TIMEOUT_SECONDS);
    return outcome;
  }

  /** The largest number of connections seen at once; call after {@link #close}. */
  int peak() {
    return peak.get();
  }

  private void poll(PostgresServer server, String applicationName) {
    try (Connection c = server.superuser();
        PreparedStatement count = c.prepareStatement(COUNT)) {
      count.setString(1, applicationName);
      while (running) {
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          peak.accumulateAndGet(rs.getInt(1), Math::max);
        }
        Thread.sleep(5);
      }
    } catch (SQLException e) {
      failure.set(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws SQLException, InterruptedException {
    running = false;
    thread.join();
    if (failure.get() != null) {
      throw failure.get();
    }
  }
}
