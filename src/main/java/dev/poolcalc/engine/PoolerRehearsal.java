package dev.poolcalc.engine;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The arithmetic of rehearsing through a PgBouncer: whether it can be done, how many server
 * connections PostgreSQL should see when every planned client runs a query at once, when the
 * queries should be done, and how far the max_client_conn probe goes. Pure: the runner lives in
 * audit.
 *
 * <p>With all of a pooler's clients running a query at once, PostgreSQL sees min(clients, pool): in
 * session mode each client holds a server connection for its whole session and the rest wait; in
 * transaction mode the pool is lent per transaction, so the clients take turns on at most pool
 * server connections. The verdict is only that the peak does not pass the planned
 * server_connections.
 */
public final class PoolerRehearsal {

  /**
   * The most client connections the max_client_conn probe opens beyond the plan's: a pooler that
   * accepts 10,000 clients is not tested by opening 10,001.
   */
  public static final long PROBE_CAP = 500;

  /** What PgBouncer answers a client past max_client_conn (its own words, in every version). */
  public static final String MAX_CLIENT_CONN_MESSAGE =
      "no more connections allowed (max_client_conn)";

  /** Margin after the last expected wave of queries before the waiting ones are given up. */
  public static final long MARGIN_MILLIS = 2000;

  private PoolerRehearsal() {}

  /**
   * Why rehearse cannot go through this pooler, if it cannot: only PgBouncer is rehearsed (its
   * refusal past max_client_conn is known), and rehearse needs the address of the pooler, from its
   * url or each of its apps' own.
   */
  public static Optional<String> refusal(PoolerPlan pooler) {
    Pooler p = pooler.pooler();
    if (p.kind() != PoolerKind.PGBOUNCER) {
      return Optional.of(
          String.format(
              "pooler %s is %s, and rehearse goes only through PgBouncer: rehearse the other"
                  + " apps in a file without it",
              p.name(), p.kind().key()));
    }
    for (AppPlan app : pooler.apps()) {
      if (app.app().url().isEmpty() && p.url().isEmpty()) {
        return Optional.of(
            String.format(
                "%s connects via %s, which has no url: set the pooler's url (its host:port) so"
                    + " that rehearse can go through it",
                app.name(), p.name()));
      }
    }
    return Optional.empty();
  }

  /**
   * Server connections PostgreSQL should show at the peak: min(clients, server_connections). Exact
   * only when {@link #exact}; otherwise an upper bound.
   */
  public static long expectedServerPeak(PoolerPlan pooler) {
    return Math.min(pooler.clientConnections(), pooler.serverConnections());
  }

  /**
   * Whether the expected peak is exact: one process and one (user, database) pair, so the
   * rehearsal's clients reach the whole planned pool, and no reserve_pool_size, which PgBouncer
   * opens only after clients waited reserve_pool_timeout (5 s by default).
   */
  public static boolean exact(PoolerPlan pooler) {
    Pooler p = pooler.pooler();
    return p.replicas() == 1 && p.pairs() == 1 && p.reservePoolSize() == 0;
  }

  /**
   * How long the clients' queries may take before those still waiting are given up: one wave of
   * {@code queryMillis} in session mode (a waiting client never gets a server connection while the
   * others hold theirs), ceil(clients / expected peak) waves in transaction mode, plus a margin.
   */
  public static long queryWindowMillis(PoolerPlan pooler, long queryMillis) {
    long peak = Math.max(1, expectedServerPeak(pooler));
    long waves = pooler.pooler().sessionMode() ? 1 : (pooler.clientConnections() + peak - 1) / peak;
    return Math.addExact(Math.multiplyExact(waves, queryMillis), MARGIN_MILLIS);
  }

  /**
   * How many client connections beyond the plan's the max_client_conn probe opens so that the last
   * is max_client_conn + 1; empty when it is skipped, with {@link #probeSkipped} saying why.
   */
  public static OptionalLong probeConnections(PoolerPlan pooler) {
    return probeSkipped(pooler).isPresent()
        ? OptionalLong.empty()
        : OptionalLong.of(pooler.clientCapacity().getAsLong() + 1 - pooler.clientConnections());
  }

  /** Why the max_client_conn probe is not tried, if it is not. */
  public static Optional<String> probeSkipped(PoolerPlan pooler) {
    Pooler p = pooler.pooler();
    OptionalLong capacity = pooler.clientCapacity();
    if (capacity.isEmpty()) {
      return Optional.of("no max_client_conn is planned");
    }
    if (p.replicas() > 1) {
      return Optional.of(
          String.format(
              "%s runs %d processes behind one address, and which one a connection reaches is up"
                  + " to the load balancer, so max_client_conn + 1 through it proves nothing",
              p.name(), p.replicas()));
    }
    long clients = pooler.clientConnections();
    if (clients >= capacity.getAsLong() + 1) {
      return Optional.of(
          String.format(
              "the plan's %d client connections already pass max_client_conn %d",
              clients, capacity.getAsLong()));
    }
    long extra = capacity.getAsLong() + 1 - clients;
    if (extra > PROBE_CAP) {
      return Optional.of(
          String.format(
              "max_client_conn + 1 = %d would take %d client connections beyond the plan's %d,"
                  + " more than the %d rehearse opens for the probe",
              capacity.getAsLong() + 1, extra, clients, PROBE_CAP));
    }
    return Optional.empty();
  }
}
