package dev.poolcalc.engine;

/** Where an app's connection_limit came from. */
public enum LimitSource {
  /** Set in the file. */
  FIXED,
  /** floor(remaining / Σ free instances): the seed's formula. */
  EQUAL,
  /** A weighted share of what the fixed apps leave. */
  WEIGHTED,
  /** Held at its max_connection_limit: its share of the split would have been more. */
  CAPPED
}
