package dev.poolcalc.config;

import dev.poolcalc.engine.Client;
import dev.poolcalc.engine.PoolMode;
import dev.poolcalc.engine.PoolerKind;
import dev.poolcalc.engine.Rollout;
import dev.poolcalc.engine.Rollouts;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every key of input file version 1, by section, with the kind of value it takes: the one table
 * that {@link DeploymentReader} checks keys against ("unknown key", "did you mean") and {@link
 * InputSchema} turns into a JSON Schema, so the two cannot drift.
 */
public final class InputKeys {

  /** What a key's value is. */
  public enum Kind {
    /** The file format's version: 1. */
    VERSION,
    /** A whole number within [min, max]. */
    INTEGER,
    /** A number in (0, max]. */
    DECIMAL,
    /** Text; a number is taken as written. Variables are expanded. */
    STRING,
    /** A PostgreSQL connection URL; variables are expanded and percent-encoded. */
    URL,
    /** One of {@link Key#choices()}, or a string with a variable. */
    CHOICE,
    /** A count within [0, max], or a percentage string such as "15%". */
    AMOUNT,
    /** A count within [min, max], or a mapping of {@link Key#section()} (replicas: {min, max}). */
    INTEGER_OR_SECTION,
    /** A mapping of {@link Key#section()}. */
    SECTION,
    /** A non-empty list of mappings of {@link Key#section()}. */
    LIST_OF_SECTION,
    /** A list of strings (paths). */
    LIST_OF_STRINGS,
    /** true or false. */
    BOOLEAN
  }

  /**
   * One key.
   *
   * @param min the least value (INTEGER, INTEGER_OR_SECTION, AMOUNT's count)
   * @param max the largest value
   * @param choices the values a CHOICE takes
   * @param section the section a SECTION, LIST_OF_SECTION or INTEGER_OR_SECTION holds
   */
  public record Key(
      String name,
      Kind kind,
      String description,
      long min,
      BigDecimal max,
      List<String> choices,
      Optional<Section> section,
      boolean required) {
    public Key {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(max, "max");
      choices = List.copyOf(choices);
      Objects.requireNonNull(section, "section");
    }
  }

  /** The keys of one mapping, in the order the README lists them. */
  public record Section(String name, List<Key> keys) {
    public Section {
      keys = List.copyOf(keys);
    }

    /** The key names, in order: what the reader accepts. */
    public Set<String> names() {
      Set<String> names = new LinkedHashSet<>();
      keys.forEach(k -> names.add(k.name()));
      return Collections.unmodifiableSet(names);
    }
  }

  /** The largest weight; kept here, not in the reader, so that this table needs no reader. */
  static final BigDecimal MAX_WEIGHT = new BigDecimal("1000000");

  private static final BigDecimal NONE = BigDecimal.ZERO;

  private static Key key(String name, Kind kind, String description) {
    return new Key(name, kind, description, 0, NONE, List.of(), Optional.empty(), false);
  }

  private static Key integer(String name, long min, long max, String description) {
    return new Key(
        name,
        Kind.INTEGER,
        description,
        min,
        BigDecimal.valueOf(max),
        List.of(),
        Optional.empty(),
        false);
  }

  private static Key amount(String name, long max, String description) {
    return new Key(
        name,
        Kind.AMOUNT,
        description,
        0,
        BigDecimal.valueOf(max),
        List.of(),
        Optional.empty(),
        false);
  }

  private static Key choice(String name, List<String> choices, String description) {
    return new Key(name, Kind.CHOICE, description, 0, NONE, choices, Optional.empty(), false);
  }

  private static Key required(Key k) {
    return new Key(
        k.name(), k.kind(), k.description(), k.min(), k.max(), k.choices(), k.section(), true);
  }

  private static Key holding(String name, Kind kind, Section section, String description) {
    return new Key(name, kind, description, 0, NONE, List.of(), Optional.of(section), false);
  }

  public static final Section REPLICA_RANGE =
      new Section(
          "replicas",
          List.of(
              integer("min", 0, DeploymentReader.MAX_REPLICAS, "the fewest replicas (default 1)"),
              required(
                  integer(
                      "max",
                      1,
                      DeploymentReader.MAX_REPLICAS,
                      "the most replicas the autoscaler may run; the plan sizes for it"))));

  public static final Section ROLLOUT =
      new Section(
          "rollout",
          List.of(
              choice(
                  "strategy",
                  Arrays.stream(Rollout.Strategy.values()).map(Rollout.Strategy::key).toList(),
                  "how a deploy replaces replicas (default rolling)"),
              amount(
                  "max_surge",
                  DeploymentReader.MAX_REPLICAS,
                  "extra replicas during a rolling update, a count or \"25%\" (default 25%)"),
              amount(
                  "max_unavailable",
                  DeploymentReader.MAX_REPLICAS,
                  "replicas that may be down during a rolling update (default 25%)")));

  static final BigDecimal MAX_REQUESTS_PER_SECOND = new BigDecimal("1000000");
  static final BigDecimal MAX_DB_TIME_MS = new BigDecimal("60000");

  private static Key positive(String name, BigDecimal max, String description) {
    return new Key(name, Kind.DECIMAL, description, 0, max, List.of(), Optional.empty(), false);
  }

  public static final Section DEMAND =
      new Section(
          "demand",
          List.of(
              required(
                  positive(
                      "requests_per_second",
                      MAX_REQUESTS_PER_SECOND,
                      "requests per second across all replicas")),
              required(
                  positive(
                      "db_time_ms", MAX_DB_TIME_MS, "how many ms one request holds a connection")),
              positive(
                  "wait_ms",
                  MAX_DB_TIME_MS,
                  "the wait a request may take for a connection (default 10)")));

  public static final Section DATABASE =
      new Section(
          "database",
          List.of(
              key("name", Kind.STRING, "the database name, for audit and rehearse"),
              integer(
                  "max_connections",
                  1,
                  DeploymentReader.MAX_CONNECTIONS_LIMIT,
                  "the server's max_connections (or give provider and instance)"),
              amount(
                  "reserve",
                  DeploymentReader.MAX_CONNECTIONS_LIMIT,
                  "connections kept back for admins and migrations, a count or \"15%\""),
              new Key(
                  "headroom",
                  Kind.DECIMAL,
                  "the share of max_connections the pools may use (default 0.85)",
                  0,
                  BigDecimal.ONE,
                  List.of(),
                  Optional.empty(),
                  false),
              integer(
                  "superuser_reserved_connections",
                  0,
                  DeploymentReader.MAX_CONNECTIONS_LIMIT,
                  "PostgreSQL's setting (default 3)"),
              integer(
                  "reserved_connections",
                  0,
                  DeploymentReader.MAX_CONNECTIONS_LIMIT,
                  "PostgreSQL 16's setting (default 0)"),
              key(
                  "url",
                  Kind.URL,
                  "postgresql://user:${DB_PASSWORD}@host:5432/db; each app's URL is built from it"),
              key(ProviderKeys.PROVIDER, Kind.STRING, "a managed PostgreSQL, such as aws-rds"),
              key(
                  ProviderKeys.INSTANCE,
                  Kind.STRING,
                  "the provider's size name, such as db.t3.medium"),
              choice(
                  "rollouts",
                  Arrays.stream(Rollouts.values()).map(Rollouts::key).toList(),
                  "whether the apps deploy all at once (the default) or one at a time")));

  public static final Section APP =
      new Section(
          "apps[]",
          List.of(
              required(
                  key("name", Kind.STRING, "the app's application_name: letters, digits, .-_")),
              new Key(
                  "replicas",
                  Kind.INTEGER_OR_SECTION,
                  "how many copies run, or {min, max} when autoscaling",
                  1,
                  BigDecimal.valueOf(DeploymentReader.MAX_REPLICAS),
                  List.of(),
                  Optional.of(REPLICA_RANGE),
                  false),
              integer(
                  "processes",
                  1,
                  DeploymentReader.MAX_PROCESSES,
                  "worker processes per replica, each with its own pool (default 1)"),
              integer(
                  "connection_limit",
                  1,
                  DeploymentReader.MAX_CONNECTIONS_LIMIT,
                  "a fixed pool size instead of a share of the budget"),
              integer(
                  "max_connection_limit",
                  1,
                  DeploymentReader.MAX_CONNECTIONS_LIMIT,
                  "a cap on the computed limit; what the app cannot use stays free"),
              new Key(
                  "weight",
                  Kind.DECIMAL,
                  "the app's share of the budget relative to others (default 1)",
                  0,
                  MAX_WEIGHT,
                  List.of(),
                  Optional.empty(),
                  false),
              integer(
                  "pool_timeout",
                  0,
                  DeploymentReader.MAX_TIMEOUT_SECONDS,
                  "seconds to wait for a free connection (default 20)"),
              integer(
                  "connect_timeout",
                  0,
                  DeploymentReader.MAX_TIMEOUT_SECONDS,
                  "seconds to wait for the server (default 5)"),
              holding("rollout", Kind.SECTION, ROLLOUT, "how deploys replace replicas"),
              choice(
                  "client",
                  Arrays.stream(Client.values()).map(Client::key).toList(),
                  "the pool library, whose own knobs are rendered (default generic)"),
              key("from", Kind.STRING, "a manifest (Kubernetes, Compose, PM2) to read counts from"),
              key("workload", Kind.STRING, "Kind/name of the workload in from:"),
              key("service", Kind.STRING, "the Compose service in from:"),
              integer("cpus", 1, DeploymentReader.MAX_CPUS, "CPUs for a PM2 instances: max"),
              holding("demand", Kind.SECTION, DEMAND, "the traffic the app's pools serve"),
              key(PoolerKeys.VIA, Kind.STRING, "the pooler this app connects through"),
              key("url", Kind.URL, "this app's own URL (else its pooler's, else database.url)")));

  public static final Section POOLER =
      new Section(
          "poolers[]",
          List.of(
              required(key("name", Kind.STRING, "the name apps give in via:")),
              required(
                  choice(
                      "kind",
                      Arrays.stream(PoolerKind.values()).map(PoolerKind::key).toList(),
                      "pgbouncer, supavisor or rds-proxy")),
              integer(
                  "replicas",
                  1,
                  DeploymentReader.MAX_REPLICAS,
                  "pgbouncer: pooler processes or pods (default 1)"),
              choice(
                  "pool_mode",
                  Arrays.stream(PoolMode.values()).map(PoolMode::key).toList(),
                  "pgbouncer, supavisor: session, transaction or statement"),
              integer(
                  "default_pool_size",
                  1,
                  PoolerKeys.MAX_POOL,
                  "pgbouncer: server connections per (user, database) pair per process (default"
                      + " 20)"),
              integer(
                  "reserve_pool_size",
                  0,
                  PoolerKeys.MAX_POOL,
                  "pgbouncer: extra per pair (default 0)"),
              integer(
                  "max_db_connections",
                  0,
                  PoolerKeys.MAX_POOL,
                  "pgbouncer: cap per process, 0 = none (default 0)"),
              integer(
                  "max_client_conn",
                  1,
                  PoolerKeys.MAX_CLIENTS,
                  "client connections it accepts per process (pgbouncer default 100)"),
              integer(
                  "pool_size",
                  1,
                  PoolerKeys.MAX_POOL,
                  "supavisor: server connections per (user, database) pair"),
              integer(
                  "max_connections_percent",
                  1,
                  100,
                  "rds-proxy: the share of max_connections it may open (default 100)"),
              integer(
                  "pairs",
                  1,
                  PoolerKeys.MAX_PAIRS,
                  "(user, database) pairs its clients use (default 1)"),
              key("url", Kind.URL, "the endpoint its apps are rendered with"),
              key(
                  PoolerKeys.MANAGED,
                  Kind.BOOLEAN,
                  "true: database.provider runs this pooler (Supabase's Supavisor, Neon's"
                      + " PgBouncer); settings left out come from the catalog for"
                      + " database.instance")));

  public static final Section TOP =
      new Section(
          "",
          List.of(
              key("version", Kind.VERSION, "the input file version: 1"),
              // Required of the file planned, not of an included one: the reader says so.
              holding("database", Kind.SECTION, DATABASE, "the PostgreSQL server"),
              holding(
                  PoolerKeys.POOLERS,
                  Kind.LIST_OF_SECTION,
                  POOLER,
                  "poolers between the apps and PostgreSQL: PgBouncer, Supavisor, RDS Proxy"),
              holding(
                  "apps",
                  Kind.LIST_OF_SECTION,
                  APP,
                  "the applications that connect to the database"),
              key(
                  "include",
                  Kind.LIST_OF_STRINGS,
                  "other files whose apps plan on this database")));

  /**
   * Top-level keys starting with this are the user's own and ignored, Docker Compose's convention
   * for extension fields (https://docs.docker.com/reference/compose-file/extension/): a place for
   * anchors such as {@code x-defaults: &defaults {...}}. Only at the top level; elsewhere such a
   * key is unknown like any other, so a typo inside an app is still caught.
   */
  public static final String EXTENSION_PREFIX = "x-";

  /** Whether a top-level key is an extension field, which the reader skips. */
  public static boolean isExtension(String topLevelKey) {
    return topLevelKey.startsWith(EXTENSION_PREFIX);
  }

  private InputKeys() {}
}
