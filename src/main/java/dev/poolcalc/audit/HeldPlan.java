package dev.poolcalc.audit;

import dev.poolcalc.engine.Rehearsal;
import dev.poolcalc.engine.RehearsalResult.Ended;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The plan's connections while a rehearsal holds them, each with its app, and whether the server
 * still holds them too: an ended connection frees a slot, so a plan that "held" with one missing
 * proved nothing.
 *
 * <p>Every second of the hold, and once at its end, each connection is asked for an empty query,
 * with connect_timeout as the bound. The first sweep that finds one ended stops the hold; a new
 * connection then tells a server that ended some connections from one that went away.
 */
final class HeldPlan {

  private static final Duration TICK = Duration.ofSeconds(1);

  private record Held(String app, Connection connection) {}

  private final DatabaseTarget target;
  private final List<Held> live = new ArrayList<>();
  private final Map<String, Ended> ended = new LinkedHashMap<>();
  private long total;

  HeldPlan(DatabaseTarget target) {
    this.target = target;
  }

  /** One more of {@code app}'s planned connections, open now. */
  void add(String app, Connection connection) {
    live.add(new Held(app, connection));
    total++;
  }

  /**
   * Holds the connections for {@code hold} (zero: only checks them once).
   *
   * @return the connections the server ended, per app in the order they were added; empty when it
   *     still holds every one
   * @throws ServerUnreachableException the server stopped answering, or ended connections and takes
   *     no new one
   */
  List<Ended> hold(Duration hold) throws ServerUnreachableException, InterruptedException {
    long deadline = System.nanoTime() + hold.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        TimeUnit.NANOSECONDS.sleep(Math.min(left, TICK.toNanos()));
      }
      sweep();
      if (!ended.isEmpty()) {
        confirmServerIsUp();
        return List.copyOf(ended.values());
      }
      if (System.nanoTime() - deadline >= 0) {
        return List.of();
      }
    }
  }

  private void sweep() throws ServerUnreachableException, InterruptedException {
    for (Iterator<Held> it = live.iterator(); it.hasNext(); ) {
      Held held = it.next();
      if (isClosed(held.connection())) {
        // Only the shutdown hook closes a held connection: the rehearsal is being stopped.
        throw new InterruptedException("the rehearsal's connections were closed");
      }
      Optional<SQLException> failure = ping(held.connection());
      if (failure.isEmpty()) {
        continue;
      }
      SQLException e = failure.get();
      if (ServerUnreachableException.timedOut(e)) {
        throw ServerUnreachableException.lost(target, "during the hold", e);
      }
      it.remove();
      OpenConnections.quietlyClose(held.connection());
      ended.merge(
          held.app(),
          new Ended(held.app(), 1, ServerUnreachableException.reason(target, e)),
          (a, b) -> new Ended(a.app(), a.connections() + 1, a.message()));
    }
  }

  /**
   * A server that ended connections and takes no new one went away: that is not the plan's fault.
   * The new connection stays within the plan's total + 1, since at least one planned one is gone.
   */
  private void confirmServerIsUp() throws ServerUnreachableException {
    Properties props = target.rehearsalProperties(Rehearsal.RESERVE_APPLICATION_NAME);
    try {
      // It got in: the server is there and ended those connections itself.
      OpenConnections.quietlyClose(Connector.open(target, props));
    } catch (SQLException e) {
      if (!ServerUnreachableException.serverGone(e)) {
        return; // PostgreSQL itself answered, with a refusal: it is there.
      }
      long count = ended.values().stream().mapToLong(Ended::connections).sum();
      throw ServerUnreachableException.wentAway(
          target, count, total, ended.values().iterator().next().message(), e);
    }
  }

  private static boolean isClosed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /** Empty when the server answered an empty query on this connection in time. */
  private Optional<SQLException> ping(Connection connection) {
    try {
      connection.setNetworkTimeout(
          Runnable::run, (int) TimeUnit.SECONDS.toMillis(target.connectTimeout()));
      try (Statement st = connection.createStatement()) {
        st.execute("");
      }
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(e);
    }
  }
}
