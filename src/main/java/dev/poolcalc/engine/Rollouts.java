package dev.poolcalc.engine;

import java.util.List;
import java.util.Locale;

/**
 * Whether the apps' rollouts may overlap ({@code database.rollouts}): the moment the plan must fit.
 * All at once, every app is at its peak together; one at a time, the others are at their steady
 * count while one app surges, so the worst moment is the largest single surge.
 */
public enum Rollouts {
  ALL_AT_ONCE("all-at-once"),
  ONE_AT_A_TIME("one-at-a-time");

  private final String key;

  Rollouts(String key) {
    this.key = key;
  }

  /** The name written in the input file. */
  public String key() {
    return key;
  }

  public static java.util.Optional<Rollouts> byKey(String text) {
    for (Rollouts r : values()) {
      if (r.key.equals(text.toLowerCase(Locale.ROOT))) {
        return java.util.Optional.of(r);
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * steady_a: the pools the app holds while others roll out. All at once it is always at its peak
   * instances; one at a time, steady replicas × processes (a range counts its max).
   */
  public long steady(App app) {
    return this == ALL_AT_ONCE ? app.instances() : app.steadyInstances();
  }

  /** surge_a: the pools its own rollout adds, peak instances − steady_a (0 all at once). */
  public long surge(App app) {
    return app.instances() - steady(app);
  }

  /**
   * The peak total of DESIGN, the one number status is judged on: Σ steady_a × limit + max over all
   * apps of surge_a × limit. All at once this is Σ instances × limit.
   */
  public long peakTotal(List<App> apps, long[] limits) {
    long steady = 0;
    long worstSurge = 0;
    for (int i = 0; i < apps.size(); i++) {
      App app = apps.get(i);
      steady = Math.addExact(steady, Math.multiplyExact(steady(app), limits[i]));
      worstSurge = Math.max(worstSurge, Math.multiplyExact(surge(app), limits[i]));
    }
    return Math.addExact(steady, worstSurge);
  }
}
