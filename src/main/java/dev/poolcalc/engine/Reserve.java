package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Connections kept back for admins, migrations and backups: a count, or a percentage of
 * max_connections rounded up so the reserve never shrinks below what was asked for.
 */
public record Reserve(BigDecimal amount, boolean percent) {

  public Reserve {
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("reserve must not be negative: " + amount);
    }
    if (!percent && amount.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("a reserve count must be whole: " + amount);
    }
  }

  public static Reserve connections(long count) {
    return new Reserve(BigDecimal.valueOf(count), false);
  }

  public static Reserve percentOf(BigDecimal percent) {
    return new Reserve(percent, true);
  }

  /** The reserve in connections: the count, or ceil(maxConnections × P / 100). */
  public long resolve(long maxConnections) {
    if (!percent) {
      return amount.longValueExact();
    }
    return BigDecimal.valueOf(maxConnections)
        .multiply(amount)
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
        .longValueExact();
  }

  /** How the reserve was written: {@code 15} or {@code 15%}. */
  @Override
  public String toString() {
    return amount.toPlainString() + (percent ? "%" : "");
  }
}
