package dev.poolcalc.engine;

import java.util.Locale;

/** The verdict of an audit: the server matches the plan, or it has drifted from it. */
public enum AuditStatus {
  OK,
  DRIFT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
