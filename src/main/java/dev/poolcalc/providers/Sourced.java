package dev.poolcalc.providers;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One number from the catalog with where it was read, when, and whether it is exact.
 *
 * @param source the provider's page the number was read on
 * @param verified the day someone last read it there
 */
public record Sourced(long value, Kind kind, String source, LocalDate verified) {

  public Sourced {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(verified, "verified");
    if (value < 0) {
      throw new IllegalArgumentException("a catalog value must not be negative");
    }
  }

  public boolean isUpperBound() {
    return kind == Kind.UPPER_BOUND;
  }
}
