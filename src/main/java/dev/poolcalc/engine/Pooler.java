package dev.poolcalc.engine;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A connection pooler between some apps and the server: PgBouncer, Supavisor or RDS Proxy. It opens
 * its own server connections (its pools) and accepts the apps' connections as clients. Every value
 * is the product's own default when the file leaves it out; settings that a kind does not have are
 * refused by config, so here they just hold the defaults.
 *
 * @param replicas PgBouncer processes or pods, each with its own pools (1 for the other kinds)
 * @param poolMode session, transaction or statement; empty for RDS Proxy, which has no such setting
 * @param defaultPoolSize PgBouncer: server connections per (user, database) pair per process
 * @param reservePoolSize PgBouncer: extra server connections per pair when clients wait
 * @param maxDbConnections PgBouncer: a cap per process on the pairs' pools together; 0 = no cap
 * @param maxClientConn client connections one process accepts; empty for RDS Proxy without one
 * @param poolSize Supavisor: server connections per pair
 * @param maxConnectionsPercent RDS Proxy: its share of max_connections, in percent
 * @param pairs (user, database) pairs the clients use: each has its own pool
 * @param url the endpoint its apps are rendered with, if given
 * @param managed the provider's catalog entry, when this is the provider's own pooler
 */
public record Pooler(
    String name,
    PoolerKind kind,
    long replicas,
    Optional<PoolMode> poolMode,
    long defaultPoolSize,
    long reservePoolSize,
    long maxDbConnections,
    OptionalLong maxClientConn,
    long poolSize,
    long maxConnectionsPercent,
    long pairs,
    Optional<String> url,
    Optional<ManagedPooler> managed) {

  public static final long PGBOUNCER_DEFAULT_POOL_SIZE = 20;
  public static final long PGBOUNCER_MAX_CLIENT_CONN = 100;
  public static final long RDS_PROXY_DEFAULT_PERCENT = 100;

  public Pooler {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(poolMode, "poolMode");
    Objects.requireNonNull(maxClientConn, "maxClientConn");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(managed, "managed");
    if (replicas < 1 || pairs < 1) {
      throw new IllegalArgumentException("a pooler has at least one replica and one pair");
    }
    if (defaultPoolSize < 0 || reservePoolSize < 0 || maxDbConnections < 0 || poolSize < 0) {
      throw new IllegalArgumentException("pool sizes must not be negative");
    }
    if (maxClientConn.isPresent() && maxClientConn.getAsLong() < 1) {
      throw new IllegalArgumentException("max_client_conn must be at least 1");
    }
    if (maxConnectionsPercent < 1 || maxConnectionsPercent > 100) {
      throw new IllegalArgumentException("max_connections_percent must be in [1, 100]");
    }
  }

  /** A PgBouncer with its own defaults: session mode, pool 20, 100 clients, one process. */
  public static Pooler pgbouncer(String name) {
    return new Pooler(
        name,
        PoolerKind.PGBOUNCER,
        1,
        Optional.of(PoolMode.SESSION),
        PGBOUNCER_DEFAULT_POOL_SIZE,
        0,
        0,
        OptionalLong.of(PGBOUNCER_MAX_CLIENT_CONN),
        0,
        RDS_PROXY_DEFAULT_PERCENT,
        1,
        Optional.empty(),
        Optional.empty());
  }

  /** A Supavisor with the pool size and client limit it requires, in transaction mode. */
  public static Pooler supavisor(String name, long poolSize, long maxClientConn) {
    return new Pooler(
        name,
        PoolerKind.SUPAVISOR,
        1,
        Optional.of(PoolMode.TRANSACTION),
        0,
        0,
        0,
        OptionalLong.of(maxClientConn),
        poolSize,
        RDS_PROXY_DEFAULT_PERCENT,
        1,
        Optional.empty(),
        Optional.empty());
  }

  /** An RDS Proxy at the given share of max_connections, without a client limit. */
  public static Pooler rdsProxy(String name, long percent) {
    return new Pooler(
        name,
        PoolerKind.RDS_PROXY,
        1,
        Optional.empty(),
        0,
        0,
        0,
        OptionalLong.empty(),
        0,
        percent,
        1,
        Optional.empty(),
        Optional.empty());
  }

  /**
   * PgBouncer: server connections one process may open, pairs × (default_pool_size +
   * reserve_pool_size), capped by max_db_connections when that is above 0.
   */
  public long perProcess() {
    long p = Math.multiplyExact(pairs, Math.addExact(defaultPoolSize, reservePoolSize));
    return maxDbConnections > 0 ? Math.min(p, maxDbConnections) : p;
  }

  /** Whether max_db_connections, not the pairs' pools, sets a PgBouncer process's total. */
  public boolean capBinds() {
    return kind == PoolerKind.PGBOUNCER
        && maxDbConnections > 0
        && maxDbConnections
            < Math.multiplyExact(pairs, Math.addExact(defaultPoolSize, reservePoolSize));
  }

  /** Server connections this pooler may open on a server of {@code maxConnections}. */
  public long serverConnections(long maxConnections) {
    return switch (kind) {
      case PGBOUNCER -> Math.multiplyExact(replicas, perProcess());
      case SUPAVISOR -> Math.multiplyExact(pairs, poolSize);
      case RDS_PROXY -> Math.multiplyExact(maxConnections, maxConnectionsPercent) / 100;
    };
  }

  /** C = replicas × max_client_conn; empty for an RDS Proxy without max_client_conn. */
  public OptionalLong clientCapacity() {
    return maxClientConn.isPresent()
        ? OptionalLong.of(Math.multiplyExact(replicas, maxClientConn.getAsLong()))
        : OptionalLong.empty();
  }

  /** Whether each client connection holds a server connection for its whole session. */
  public boolean sessionMode() {
    return poolMode.equals(Optional.of(PoolMode.SESSION));
  }

  /** Whether server connections are lent per transaction (or statement): clients multiplex. */
  public boolean multiplexes() {
    return poolMode.isPresent() && !sessionMode();
  }

  public Pooler withReplicas(long r) {
    return with(c -> c.replicas = r);
  }

  public Pooler withPoolMode(PoolMode m) {
    return with(c -> c.poolMode = Optional.of(m));
  }

  public Pooler withPgbouncerPools(long defaultPool, long reservePool, long maxDb) {
    return with(
        c -> {
          c.defaultPoolSize = defaultPool;
          c.reservePoolSize = reservePool;
          c.maxDbConnections = maxDb;
        });
  }

  public Pooler withPoolSize(long size) {
    return with(c -> c.poolSize = size);
  }

  public Pooler withMaxConnectionsPercent(long percent) {
    return with(c -> c.maxConnectionsPercent = percent);
  }

  public Pooler withMaxClientConn(long m) {
    return with(c -> c.maxClientConn = OptionalLong.of(m));
  }

  public Pooler withPairs(long p) {
    return with(c -> c.pairs = p);
  }

  public Pooler withUrl(String u) {
    return with(c -> c.url = Optional.of(u));
  }

  public Pooler withManaged(ManagedPooler m) {
    return with(c -> c.managed = Optional.of(m));
  }

  /** This pooler with the changes {@code change} makes to a copy of its fields. */
  private Pooler with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The fields of a pooler, changeable, for the with-methods. */
  private static final class Copy {
    private final String name;
    private final PoolerKind kind;
    private long replicas;
    private Optional<PoolMode> poolMode;
    private long defaultPoolSize;
    private long reservePoolSize;
    private long maxDbConnections;
    private OptionalLong maxClientConn;
    private long poolSize;
    private long maxConnectionsPercent;
    private long pairs;
    private Optional<String> url;
    private Optional<ManagedPooler> managed;

    private Copy(Pooler p) {
      name = p.name;
      kind = p.kind;
      replicas = p.replicas;
      poolMode = p.poolMode;
      defaultPoolSize = p.defaultPoolSize;
      reservePoolSize = p.reservePoolSize;
      maxDbConnections = p.maxDbConnections;
      maxClientConn = p.maxClientConn;
      poolSize = p.poolSize;
      maxConnectionsPercent = p.maxConnectionsPercent;
      pairs = p.pairs;
      url = p.url;
      managed = p.managed;
    }

    private Pooler build() {
      return new Pooler(
          name,
          kind,
          replicas,
          poolMode,
          defaultPoolSize,
          reservePoolSize,
          maxDbConnections,
          maxClientConn,
          poolSize,
          maxConnectionsPercent,
          pairs,
          url,
          managed);
    }
  }
}
