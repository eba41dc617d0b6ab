package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * One application that talks to the database: every one of its replicas × processes opens a pool of
 * its own, so each counts as an instance.
 *
 * @param connectionLimit a fixed per-instance limit; empty when the engine computes it
 * @param weight the app's relative share of the budget; empty when not set (equal split)
 * @param poolTimeout seconds a request waits for a pooled connection
 * @param connectTimeout seconds to wait for a new connection to the server
 * @param rollout how deploys replace the pods; empty: the plan counts replicas as they are
 * @param client the library the app pools with: which knob carries the limit
 * @param maxConnectionLimit a cap on the computed limit (DESIGN "Sizing for what really happens"):
 *     the split never gives the app more; empty when not set
 * @param demand the traffic its pools serve, for the Erlang C wait; empty when not set
 * @param via the pooler the app connects through; empty: straight to the server
 * @param url the app's own connection URL, before its pooler's and database.url
 */
public record App(
    String name,
    Replicas replicas,
    long processes,
    OptionalLong connectionLimit,
    Optional<BigDecimal> weight,
    long poolTimeout,
    long connectTimeout,
    Optional<Rollout> rollout,
    Client client,
    OptionalLong maxConnectionLimit,
    Optional<Demand> demand,
    Optional<String> via,
    Optional<String> url) {

  public static final long DEFAULT_POOL_TIMEOUT = 20;
  public static final long DEFAULT_CONNECT_TIMEOUT = 5;

  public App {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(replicas, "replicas");
    Objects.requireNonNull(connectionLimit, "connectionLimit");
    Objects.requireNonNull(weight, "weight");
    Objects.requireNonNull(rollout, "rollout");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(maxConnectionLimit, "maxConnectionLimit");
    Objects.requireNonNull(demand, "demand");
    Objects.requireNonNull(via, "via");
    Objects.requireNonNull(url, "url");
    if (maxConnectionLimit.isPresent() && maxConnectionLimit.getAsLong() < 1) {
      throw new IllegalArgumentException("max_connection_limit must be at least 1");
    }
    if (connectionLimit.isPresent()
        && maxConnectionLimit.isPresent()
        && connectionLimit.getAsLong() > maxConnectionLimit.getAsLong()) {
      throw new IllegalArgumentException("a fixed connection_limit above max_connection_limit");
    }
    if (processes < 1) {
      throw new IllegalArgumentException("processes must be at least 1");
    }
    if (connectionLimit.isPresent() && connectionLimit.getAsLong() < 1) {
      throw new IllegalArgumentException("a fixed connection_limit must be at least 1");
    }
    if (weight.isPresent() && weight.get().signum() <= 0) {
      throw new IllegalArgumentException("weight must be positive");
    }
    if (connectionLimit.isPresent() && weight.isPresent()) {
      throw new IllegalArgumentException("an app has either a fixed connection_limit or a weight");
    }
  }

  /** An app without a cap or demand (input files before "Sizing for what really happens"). */
  public App(
      String name,
      Replicas replicas,
      long processes,
      OptionalLong connectionLimit,
      Optional<BigDecimal> weight,
      long poolTimeout,
      long connectTimeout,
      Optional<Rollout> rollout,
      Client client) {
    this(
        name,
        replicas,
        processes,
        connectionLimit,
        weight,
        poolTimeout,
        connectTimeout,
        rollout,
        client,
        OptionalLong.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** An app without rollout, pooling with the default client (input files before rollouts). */
  public App(
      String name,
      Replicas replicas,
      long processes,
      OptionalLong connectionLimit,
      Optional<BigDecimal> weight,
      long poolTimeout,
      long connectTimeout) {
    this(
        name,
        replicas,
        processes,
        connectionLimit,
        weight,
        poolTimeout,
        connectTimeout,
        Optional.empty(),
        Client.DEFAULT);
  }

  /** An app with a computed limit, default weight and default timeouts. */
  public static App of(String name, Replicas replicas, long processes) {
    return new App(
        name,
        replicas,
        processes,
        OptionalLong.empty(),
        Optional.empty(),
        DEFAULT_POOL_TIMEOUT,
        DEFAULT_CONNECT_TIMEOUT);
  }

  public App withConnectionLimit(long limit) {
    return with(c -> c.connectionLimit = OptionalLong.of(limit));
  }

  public App withWeight(BigDecimal w) {
    return with(c -> c.weight = Optional.of(w));
  }

  public App withRollout(Rollout r) {
    return with(c -> c.rollout = Optional.of(r));
  }

  public App withClient(Client cl) {
    return with(c -> c.client = cl);
  }

  /** This app with a cap on its computed limit. */
  public App withMaxConnectionLimit(long cap) {
    return with(c -> c.maxConnectionLimit = OptionalLong.of(cap));
  }

  /** This app without a weight: for a fixed limit, which takes no share. */
  public App withoutWeight() {
    return with(c -> c.weight = Optional.empty());
  }

  /** This app without a cap on its limit. */
  public App withoutMaxConnectionLimit() {
    return with(c -> c.maxConnectionLimit = OptionalLong.empty());
  }

  /** This app connecting through the pooler named {@code pooler}. */
  public App withVia(String pooler) {
    return with(c -> c.via = Optional.of(pooler));
  }

  public App withUrl(String u) {
    return with(c -> c.url = Optional.of(u));
  }

  /** This app with the changes {@code change} makes to a copy of its fields. */
  private App with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The fields of an app, changeable, for the with-methods: each changes one and builds. */
  private static final class Copy {
    private final String name;
    private final Replicas replicas;
    private final long processes;
    private OptionalLong connectionLimit;
    private Optional<BigDecimal> weight;
    private final long poolTimeout;
    private final long connectTimeout;
    private Optional<Rollout> rollout;
    private Client client;
    private OptionalLong maxConnectionLimit;
    private final Optional<Demand> demand;
    private Optional<String> via;
    private Optional<String> url;

    private Copy(App a) {
      name = a.name;
      replicas = a.replicas;
      processes = a.processes;
      connectionLimit = a.connectionLimit;
      weight = a.weight;
      poolTimeout = a.poolTimeout;
      connectTimeout = a.connectTimeout;
      rollout = a.rollout;
      client = a.client;
      maxConnectionLimit = a.maxConnectionLimit;
      demand = a.demand;
      via = a.via;
      url = a.url;
    }

    private App build() {
      return new App(
          name,
          replicas,
          processes,
          connectionLimit,
          weight,
          poolTimeout,
          connectTimeout,
          rollout,
          client,
          maxConnectionLimit,
          demand,
          via,
          url);
    }
  }

  /** Whether the app connects to the server itself, not through a pooler. */
  public boolean direct() {
    return via.isEmpty();
  }

  /** R: the replicas the app runs between deploys, {@code replicas} or {@code replicas.max}. */
  public long steadyReplicas() {
    return replicas.peak();
  }

  /** The replicas holding pools at once at the worst moment of a deploy; R without a rollout. */
  public long peakReplicas() {
    return rollout.map(r -> r.peak(steadyReplicas())).orElse(steadyReplicas());
  }

  /** Pools this app opens at its peak: peak replicas × processes. */
  public long instances() {
    return Math.multiplyExact(peakReplicas(), processes);
  }

  /** Pools this app opens between deploys: R × processes. */
  public long steadyInstances() {
    return Math.multiplyExact(steadyReplicas(), processes);
  }

  public boolean isFixed() {
    return connectionLimit.isPresent();
  }
}
