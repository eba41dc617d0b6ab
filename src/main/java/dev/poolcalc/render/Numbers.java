package dev.poolcalc.render;

import java.math.BigDecimal;
import java.math.MathContext;
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

  /**
   * A computed demand number (a rate, a load, a probability, a wait) as JSON prints it: 6
   * significant digits, half-even, trailing zeros dropped, so output is stable across platforms and
   * a double's last bits do not show: 17.6, 220, 0.00102, 2.4054E-29 (below 10⁻⁶ in exponent form,
   * which JSON reads as a number).
   */
  static BigDecimal significant(double value) {
    BigDecimal rounded = new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }

  private static final MathContext SIGNIFICANT = new MathContext(6, RoundingMode.HALF_EVEN);

  static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
