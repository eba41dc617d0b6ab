package dev.poolcalc.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers read in human output: shares as percentages, quotients to two places. */
final class Numbers {

  private Numbers() {}

  /** {@code part} as a percentage of {@code whole}, one decimal: 51.0%. */
  static String percent(long part, long whole) {
    if (whole == 0) {
      return "-";
    }
    return BigDecimal.valueOf(part)
            .multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
            .toPlainString()
        + "%";
  }

  /** An exact quotient shown to at most two decimals, trailing zeros dropped: 17, 14.17. */
  static String quotient(BigDecimal dividend, BigDecimal divisor) {
    return plain(dividend.divide(divisor, 2, RoundingMode.HALF_UP));
  }

  static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
