package dev.poolcalc.engine;

import java.util.Optional;

/** The pooler products poolcalc knows the arithmetic of (docs/ARCHITECTURE.md, "Poolers"). */
public enum PoolerKind {
  PGBOUNCER("pgbouncer"),
  SUPAVISOR("supavisor"),
  RDS_PROXY("rds-proxy");

  private final String key;

  PoolerKind(String key) {
    this.key = key;
  }

  /** The name written as {@code kind:} and shown in JSON. */
  public String key() {
    return key;
  }

  public static Optional<PoolerKind> byKey(String key) {
    for (PoolerKind k : values()) {
      if (k.key.equals(key.trim())) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
