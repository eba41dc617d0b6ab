package dev.poolcalc.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * The library an app opens its pool with. It decides which knob carries the limit (a URL parameter,
 * a pool option, a framework property), not how many connections the plan allows.
 */
public enum Client {
  /** Prisma ORM up to 6: connection_limit and pool_timeout in the DATABASE_URL. */
  PRISMA("prisma"),
  /** Prisma ORM 7 with @prisma/adapter-pg: the pg pool's max; URL pool parameters are ignored. */
  PRISMA_PG("prisma-pg"),
  /** node-postgres' Pool. */
  NODE_POSTGRES("node-postgres"),
  /** HikariCP behind Spring Boot, with the PostgreSQL JDBC driver. */
  HIKARI("hikari"),
  /** Go's pgx with pgxpool. */
  PGX("pgx"),
  /** SQLAlchemy's QueuePool. */
  SQLALCHEMY("sqlalchemy"),
  /** Ruby on Rails' Active Record. */
  RAILS("rails"),
  /** Anything else: plain environment variables to wire up by hand. */
  GENERIC("generic");

  public static final Client DEFAULT = PRISMA;

  private final String key;

  Client(String key) {
    this.key = key;
  }

  /** The name written in the input file and shown in JSON. */
  public String key() {
    return key;
  }

  public static Optional<Client> byKey(String key) {
    for (Client c : values()) {
      if (c.key.equals(key.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
