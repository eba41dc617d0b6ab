package dev.poolcalc.providers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether a catalog number is what the server gets, or a ceiling it may fall short of. */
public enum Kind {
  /** The provider's documented value, as the server has it unless a parameter changes it. */
  EXACT,
  /**
   * A ceiling: the real value is this or lower (RDS computes from DBInstanceClassMemory, which is
   * smaller than the class memory the catalog knows).
   */
  UPPER_BOUND;

  /** The catalog's spelling: exact, upper_bound. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Kind> byKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
  }
}
