package dev.poolcalc.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * How long a pooler lends a client its server connection: the whole session, one transaction, or
 * one statement. Only in session mode does each client connection pin a server connection.
 */
public enum PoolMode {
  SESSION,
  TRANSACTION,
  STATEMENT;

  /** The name written in the input file and shown in JSON. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PoolMode> byKey(String key) {
    for (PoolMode m : values()) {
      if (m.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
