package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One application that talks to the database: every one of its replicas × processes opens a
 * pool of its own, so each counts as an instance.
 *
 * @param connectionLimit a fixed per-instance limit; empty when the engine computes it
 * @param weight the app's relative share of the budget; empty when not set (equal split)
 * @param poolTimeout seconds a request waits for a pooled connection
 * @param connectTimeout seconds to wait for a new connection to the server
 */
public record App(
    String name,
    Replicas replicas,
    long processes,
    OptionalLong connectionLimit,
    Optional<BigDecimal> weight,
    long poolTimeout,
    long connectTimeout) {

  public static final long DEFAULT_POOL_TIMEOUT = 20;
  public static final long DEFAULT_CONNECT_TIMEOUT = 5;

  public App {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(replicas, "replicas");
    Objects.requireNonNull(connectionLimit, "connectionLimit");
    Objects.requireNonNull(weight, "weight");
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
    return new App(
        name, replicas, processes, OptionalLong.of(limit), weight, poolTimeout, connectTimeout);
  }

  public App withWeight(BigDecimal w) {
    return new App(
        name, replicas, processes, connectionLimit, Optional.of(w), poolTimeout, connectTimeout);
  }

  /** Pools this app opens at its peak: peak replicas × processes. */
  public long instances() {
    return Math.multiplyExact(replicas.peak(), processes);
  }

  public boolean isFixed() {
    return connectionLimit.isPresent();
  }
}
