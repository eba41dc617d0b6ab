package dev.poolcalc.engine;

/** How much a finding matters; the plan's status is its worst error or warning. */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
