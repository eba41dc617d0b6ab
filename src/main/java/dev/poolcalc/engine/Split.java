package dev.poolcalc.engine;

import java.math.BigDecimal;

/**
 * How the budget left after fixed apps was divided among the free ones: the numbers the arithmetic
 * shown to the user is made of.
 *
 * @param fixedTotal Σ instances × limit over apps with a fixed limit
 * @param remaining budget − fixedTotal
 * @param freeInstances Σ instances over apps without a fixed limit
 * @param totalWeight W = Σ weight × instances (weighted split only; zero otherwise)
 * @param leftover what the weighted floor left and the leftover pass handed out from
 * @param equalLimit floor(remaining / freeInstances), every free app's limit (equal split only)
 */
public record Split(
    Kind kind,
    long fixedTotal,
    long remaining,
    long freeInstances,
    BigDecimal totalWeight,
    long leftover,
    long equalLimit) {

  /** Which rule divided the budget. */
  public enum Kind {
    /** Every app has a fixed limit: nothing to divide. */
    NONE,
    EQUAL,
    WEIGHTED
  }
}
