package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A count, or a percentage of some whole, as the input file writes it: {@code 15} or {@code "15%"}.
 * A reserve is one (a percentage of max_connections), and so are a rolling update's max_surge and
 * max_unavailable (a percentage of the replicas). The caller says which way a percentage rounds.
 */
public record Amount(BigDecimal value, boolean percent) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public Amount {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("an amount must not be negative: " + value);
    }
    if (!percent && value.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("a count must be whole: " + value);
    }
  }

  public static Amount count(long count) {
    return new Amount(BigDecimal.valueOf(count), false);
  }

  public static Amount percentOf(BigDecimal percent) {
    return new Amount(percent, true);
  }

  /** The count as it is, or ceil(whole × P / 100). */
  public long roundedUp(long whole) {
    return resolve(whole, RoundingMode.CEILING);
  }

  /** The count as it is, or floor(whole × P / 100). */
  public long roundedDown(long whole) {
    return resolve(whole, RoundingMode.FLOOR);
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  private long resolve(long whole, RoundingMode rounding) {
    if (!percent) {
      return value.longValueExact();
    }
    return BigDecimal.valueOf(whole).multiply(value).divide(HUNDRED, 0, rounding).longValueExact();
  }

  /** The number as written, without the percent sign: {@code 15} or {@code 12.5}. */
  public String number() {
    return value.stripTrailingZeros().toPlainString();
  }

  /** As written in the file: {@code 25%} or {@code 1}. */
  @Override
  public String toString() {
    return number() + (percent ? "%" : "");
  }
}
