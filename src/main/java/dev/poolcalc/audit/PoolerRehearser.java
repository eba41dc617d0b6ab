package dev.poolcalc.audit;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.PoolerPlan;
import dev.poolcalc.engine.PoolerRehearsal;
import dev.poolcalc.engine.PoolerRehearsalResult;
import dev.poolcalc.engine.PoolerRehearsalResult.ClientProbe;
import dev.poolcalc.engine.Rehearsal;
import dev.poolcalc.engine.RehearsalResult.Opened;
import dev.poolcalc.engine.RehearsalResult.Refusal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Rehearses one PgBouncer: opens every planned client connection of the apps behind it through it,
 * tries max_client_conn + 1 (closing the extra ones at once), then has every client run {@code
 * pg_sleep} at once while the rehearsal's first server connection counts, in pg_stat_activity, the
 * server connections running or having run those queries.
 *
 * <p>The queries carry a comment unique to this rehearsal and pooler, so the count is of this
 * pooler's server connections for this run, whatever their application_name (PgBouncer leaves some
 * without one) and whatever idle server connections it held before. The counting role must see the
 * pooler's role's query text: rehearse as that same role (or one with pg_read_all_stats).
 */
final class PoolerRehearser {

  private static final long TICK_MILLIS = 20;
  private static final String COUNT =
      "SELECT count(*) FROM pg_stat_activity WHERE strpos(query, ?) > 0 AND pid <> pg_backend_pid()";

  private final OpenConnections open;
  private final Connection monitor;
  private final DatabaseTarget server;
  private final Duration query;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  /**
   * @param monitor an open connection to the server itself, to count from
   * @param query how long each client's query sleeps
   */
  PoolerRehearser(OpenConnections open, Connection monitor, DatabaseTarget server, Duration query) {
    this.open = open;
    this.monitor = monitor;
    this.server = server;
    this.query = query;
  }

  /**
   * @param targets each app behind the pooler and where it connects (its url, else the pooler's)
   * @throws ServerUnreachableException the pooler could not be reached or went away, or the server
   *     stopped answering the count
   */
  PoolerRehearsalResult run(PoolerPlan pooler, Map<String, DatabaseTarget> targets)
      throws ServerUnreachableException, InterruptedException {
    DatabaseTarget first = targets.get(pooler.apps().get(0).name());
    List<Connection> clients = new ArrayList<>();
    List<Opened> opened = new ArrayList<>();
    Optional<Refusal> refused = Optional.empty();
    long ordinal = 0;
    for (AppPlan app : pooler.apps()) {
      DatabaseTarget target = targets.get(app.name());
      long count = 0;
      while (refused.isEmpty() && count < app.totalConnections()) {
        ordinal++;
        try {
          Connection c = Connector.open(target, target.pooledProperties(app.name()));
          open.add(c);
          clients.add(c);
          count++;
        } catch (SQLException e) {
          if (ordinal == 1) {
            throw firstFailed(target, e);
          }
          if (ServerUnreachableException.serverGone(e)) {
            throw ServerUnreachableException.lost(
                target,
                "while opening client connection "
                    + ordinal
                    + " of "
                    + pooler.clientConnections()
                    + " through "
                    + pooler.name(),
                e);
          }
          refused = Optional.of(refusal(target, ordinal, app.name(), count + 1, e));
        }
      }
      opened.add(new Opened(app.name(), app.totalConnections(), count));
    }
    ClientProbe probe =
        refused.isPresent()
            ? ClientProbe.skipped("a planned client connection was refused already")
            : probe(pooler, first, ordinal);
    Queries queries = runQueries(pooler, clients);
    return new PoolerRehearsalResult(
        pooler,
        first.endpoint(),
        opened,
        refused,
        clients.size(),
        queries.completed,
        queries.error,
        queries.peak,
        probe);
  }

  /** Opens clients until the one past max_client_conn, and closes them all again. */
  private ClientProbe probe(PoolerPlan pooler, DatabaseTarget target, long clients)
      throws ServerUnreachableException {
    OptionalLong planned = PoolerRehearsal.probeConnections(pooler);
    if (planned.isEmpty()) {
      return ClientProbe.skipped(PoolerRehearsal.probeSkipped(pooler).orElseThrow());
    }
    List<Connection> extra = new ArrayList<>();
    Optional<Refusal> refused = Optional.empty();
    try {
      for (long i = 1; i <= planned.getAsLong() && refused.isEmpty(); i++) {
        try {
          Connection c =
              Connector.open(target, target.pooledProperties(Rehearsal.RESERVE_APPLICATION_NAME));
          open.add(c);
          extra.add(c);
        } catch (SQLException e) {
          if (ServerUnreachableException.serverGone(e)) {
            throw ServerUnreachableException.lost(
                target, "at the max_client_conn probe of " + pooler.name(), e);
          }
          refused =
              Optional.of(refusal(target, clients + i, Rehearsal.RESERVE_APPLICATION_NAME, i, e));
        }
      }
    } finally {
      extra.forEach(OpenConnections::quietlyClose);
    }
    return new ClientProbe(planned, Optional.empty(), extra.size(), refused);
  }

  private record Queries(long completed, Optional<String> error, long peak) {}

  /**
   * Every client runs the query at once; the server connections carrying it are counted until all
   * are done or the window closes, when the clients still waiting are aborted.
   */
  private Queries runQueries(PoolerPlan pooler, List<Connection> clients)
      throws ServerUnreachableException, InterruptedException {
    if (clients.isEmpty()) {
      return new Queries(0, Optional.empty(), 0);
    }
    String marker = "/* poolcalc-rehearse " + run + " " + pooler.name() + " */";
    String sql = marker + " SELECT pg_sleep(" + (query.toMillis() / 1000.0) + ")";
    ExecutorService threads =
        Executors.newFixedThreadPool(
            clients.size(),
            r -> {
              Thread t = new Thread(r, "poolcalc-rehearse-query");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Connection c : clients) {
        running.add(
            threads.submit(
                () -> {
                  try (Statement st = c.createStatement()) {
                    st.execute(sql);
                  }
                  return null;
                }));
      }
      long deadline =
          System.nanoTime()
              + TimeUnit.MILLISECONDS.toNanos(
                  PoolerRehearsal.queryWindowMillis(pooler, query.toMillis()));
      long peak = 0;
      while (true) {
        peak = Math.max(peak, count(marker));
        if (running.stream().allMatch(Future::isDone) || System.nanoTime() - deadline >= 0) {
          break;
        }
        TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
      }
      long completed = 0;
      Optional<String> error = Optional.empty();
      for (int i = 0; i < running.size(); i++) {
        Future<?> f = running.get(i);
        if (!f.isDone()) {
          // Still waiting for a server connection: give it up.
          abort(clients.get(i));
          continue;
        }
        try {
          f.get();
          completed++;
        } catch (ExecutionException e) {
          if (error.isEmpty() && e.getCause() instanceof SQLException sql2) {
            error = Optional.of(ServerUnreachableException.reason(server, sql2));
          }
        }
      }
      return new Queries(completed, error, peak);
    } finally {
      threads.shutdownNow();
      threads.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** Server connections whose current or last query is this pooler's in this rehearsal. */
  private long count(String marker) throws ServerUnreachableException {
    try (PreparedStatement st = monitor.prepareStatement(COUNT)) {
      st.setString(1, marker);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw ServerUnreachableException.lost(
          server, "while counting the pooler's server connections", e);
    }
  }

  private static void abort(Connection c) {
    try {
      c.abort(Runnable::run);
    } catch (SQLException e) {
      OpenConnections.quietlyClose(c);
    }
  }

  /**
   * The pooler's first client connection failed: nothing is proven. pgjdbc always sends
   * extra_float_digits at login, which PgBouncer refuses unless ignore_startup_parameters lists it.
   */
  private static ServerUnreachableException firstFailed(DatabaseTarget target, SQLException e) {
    ServerUnreachableException plain = ServerUnreachableException.of(target, e);
    String text = ServerUnreachableException.postgresText(e);
    if (text.contains("unsupported startup parameter")) {
      return new ServerUnreachableException(
          plain.getMessage()
              + "; rehearse connects with pgjdbc, which sends extra_float_digits: add it to"
              + " PgBouncer's ignore_startup_parameters");
    }
    return plain;
  }

  private static Refusal refusal(
      DatabaseTarget target, long ordinal, String app, long appOrdinal, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return new Refusal(
        ordinal, app, appOrdinal, state, target.redact(ServerUnreachableException.postgresText(e)));
  }
}
