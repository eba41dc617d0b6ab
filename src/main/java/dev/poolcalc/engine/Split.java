package dev.poolcalc.engine;

import java.math.BigDecimal;

/**
 * How the budget left after fixed apps was divided among the free ones: the numbers the arithmetic
 * shown to the user is made of. Apps held at their max_connection_limit count as fixed here.
 *
 * @param mode whether the apps' rollouts may overlap, which decides what each app is counted at
 * @param fixedTotal Σ steady_a × limit over apps with a fixed limit or held at their cap (all at
 *     once steady_a is the peak instances)
 * @param remaining budget − fixedTotal
 * @param freeInstances Σ steady_a over the free apps (all at once: their peak instances)
 * @param freeSurge max over the free apps of surge_a (0 all at once)
 * @param totalWeight W = Σ weight × steady_a + max weight × surge_a (weighted split only; zero
 *     otherwise)
 * @param leftover what the weighted floor left and the leftover pass handed out from
 * @param equalLimit floor(remaining / (freeInstances + freeSurge)), every free app's limit (equal
 *     split only)
 */
public record Split(
    Kind kind,
    Rollouts mode,
    long fixedTotal,
    long remaining,
    long freeInstances,
    long freeSurge,
    BigDecimal totalWeight,
    long leftover,
    long equalLimit) {

  /** Which rule divided the budget. */
  public enum Kind {
    /** Every app has a fixed limit or is held at its cap: nothing to divide. */
    NONE,
    EQUAL,
    WEIGHTED
  }

  /** What the equal split divides by: Σ free steady_a + max free surge_a. */
  public long divisor() {
    return freeInstances + freeSurge;
  }
}
