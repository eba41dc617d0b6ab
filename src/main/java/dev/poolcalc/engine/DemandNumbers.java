package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How a demand number reads in a message: a few significant digits, never an exponent. */
public final class DemandNumbers {

  private DemandNumbers() {}

  /** 4 significant digits, trailing zeros dropped: 12.35, 0.001234, 1235. */
  public static String number(double x) {
    if (Double.isInfinite(x)) {
      return "∞";
    }
    if (x == 0) {
      return "0";
    }
    if (x > 0 && x < 1e-6) {
      return "under 0.000001";
    }
    BigDecimal d = new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /** A probability as a percentage: 12.35 %, 0.0012 %. Below 10⁻⁸ it reads "under 0.000001 %". */
  public static String percent(double p) {
    if (p < 1e-8) {
      return "under 0.000001 %";
    }
    return String.format(Locale.ROOT, "%s %%", number(p * 100));
  }
}
