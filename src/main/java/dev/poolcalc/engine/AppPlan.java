package dev.poolcalc.engine;

import java.util.Objects;

/**
 * One app's row of the plan.
 *
 * @param instances pools at peak: peak replicas × processes
 * @param leftoverBonus 1 when the weighted split's leftover pass raised this app's limit
 */
public record AppPlan(
    App app,
    long instances,
    long connectionLimit,
    LimitSource source,
    long leftoverBonus,
    long totalConnections) {

  public AppPlan {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(source, "source");
  }

  public String name() {
    return app.name();
  }

  public long peakReplicas() {
    return app.replicas().peak();
  }
}
