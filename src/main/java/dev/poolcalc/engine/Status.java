package dev.poolcalc.engine;

import java.util.Locale;

/** The verdict on a plan: it fits, it eats into the reserve, or PostgreSQL will refuse it. */
public enum Status {
  OK,
  WARNING,
  ERROR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
