package dev.poolcalc.engine;

/** Where an app's connection_limit came from. */
public enum LimitSource {
  /** Set in the file. */
  FIXED,
  /** floor(remaining / Σ free instances): the seed's formula. */
  EQUAL,
  /** A weighted share of what the fixed apps leave. */
  WEIGHTED
}
