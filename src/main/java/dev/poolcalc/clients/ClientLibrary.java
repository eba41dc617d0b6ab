package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Pooler;
import dev.poolcalc.engine.Severity;
import dev.poolcalc.url.PostgresUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything poolcalc knows about one client library: how a planned limit becomes its settings and
 * environment variables, the traps its way of reading them sets, and how {@code explain} describes
 * it. Adding a library is adding one implementation and its case in {@link #of}.
 */
public interface ClientLibrary {

  /** The library this describes. */
  Client client();

  /** One phrase for {@code explain}: "Prisma (up to 6), which reads … from DATABASE_URL". */
  String description();

  /** The settings that keep each of the app's pools at its planned limit. */
  ClientSettings settings(AppPlan app, Optional<PostgresUrl> base);

  /**
   * The settings of an app that goes through {@code pooler}: {@code base} is the pooler's endpoint
   * (or the app's own url), {@code direct} the server's database.url. Libraries that need nothing
   * else behind a pooler render as they do without one.
   */
  default ClientSettings settings(
      AppPlan app, Optional<PostgresUrl> base, Pooler pooler, Optional<PostgresUrl> direct) {
    return settings(app, base);
  }

  /** What this library needs behind {@code pooler} that it does not need on a direct line. */
  default List<Finding> pooledFindings(AppPlan app, Pooler pooler, boolean direct) {
    return List.of();
  }

  /** Traps in how this library reads the file's base URL, beyond pool_timeout 0. */
  default List<Finding> urlFindings(AppPlan app, PostgresUrl base) {
    return List.of();
  }

  /** What pool_timeout 0 does in this library; empty where 0 is harmless. */
  Optional<String> poolTimeoutZero();

  /** Whether the library is Prisma: explain then speaks of the PrismaClient singleton. */
  default boolean isPrisma() {
    return false;
  }

  /** Every finding this library has for the app. */
  default List<Finding> findings(AppPlan app, Optional<PostgresUrl> base) {
    List<Finding> findings = new ArrayList<>();
    base.ifPresent(b -> findings.addAll(urlFindings(app, b)));
    if (app.app().poolTimeout() == 0) {
      poolTimeoutZero()
          .ifPresent(
              effect ->
                  findings.add(
                      Finding.forApp(
                          Severity.WARNING,
                          "pool-timeout-zero",
                          app.name(),
                          String.format(
                              "%s sets pool_timeout: 0, so %s; set pool_timeout to a few seconds"
                                  + " (the default is 20)",
                              app.name(), effect))));
    }
    return findings;
  }

  static ClientLibrary of(Client client) {
    return switch (client) {
      case PRISMA -> Prisma.LIBRARY;
      case PRISMA_PG -> PgPool.PRISMA_PG;
      case NODE_POSTGRES -> PgPool.NODE_POSTGRES;
      case HIKARI -> Hikari.LIBRARY;
      case PGX -> Pgx.LIBRARY;
      case SQLALCHEMY -> SqlAlchemy.LIBRARY;
      case RAILS -> Rails.LIBRARY;
      case GENERIC -> Generic.LIBRARY;
    };
  }
}
