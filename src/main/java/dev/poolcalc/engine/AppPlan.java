package dev.poolcalc.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * One app's row of the plan.
 *
 * @param instances pools at peak: peak replicas × processes
 * @param leftoverBonus 1 when the weighted split's leftover pass raised this app's limit
 * @param load how its pools cope with the app's demand; empty when it has none
 */
public record AppPlan(
    App app,
    long instances,
    long connectionLimit,
    LimitSource source,
    long leftoverBonus,
    long totalConnections,
    Optional<PoolLoad> load) {

  public AppPlan {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(load, "load");
  }

  /** A row without demand. */
  public AppPlan(
      App app,
      long instances,
      long connectionLimit,
      LimitSource source,
      long leftoverBonus,
      long totalConnections) {
    this(
        app, instances, connectionLimit, source, leftoverBonus, totalConnections, Optional.empty());
  }

  public String name() {
    return app.name();
  }

  /** The replica count the plan multiplies: R, or more during a rollout. */
  public long peakReplicas() {
    return app.peakReplicas();
  }

  /** R: the replicas between deploys. */
  public long steadyReplicas() {
    return app.steadyReplicas();
  }

  /** The limit the split itself gave, before the weighted leftover pass added its one. */
  public long splitLimit() {
    return connectionLimit - leftoverBonus;
  }

  /** surge_a × limit: the connections this app's own rollout adds (peak − steady). */
  public long surgeConnections() {
    return totalConnections - steadyTotalConnections();
  }

  /** Connections this app's pools can hold between deploys: steady instances × limit. */
  public long steadyTotalConnections() {
    return Math.multiplyExact(app.steadyInstances(), connectionLimit);
  }
}
