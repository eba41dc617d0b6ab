package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The traps a right number can still fall into because of how a client library reads its settings:
 * URL parameters it ignores, overflow on top of the limit, a wait that never ends.
 */
public final class ClientFindings {

  private ClientFindings() {}

  public static List<Finding> of(Plan plan, Optional<PostgresUrl> base) {
    List<Finding> findings = new ArrayList<>();
    for (AppPlan app : plan.apps()) {
      switch (app.app().client()) {
        case PRISMA_PG -> base.flatMap(b -> urlParamsIgnored(app, b)).ifPresent(findings::add);
        case SQLALCHEMY -> base.flatMap(b -> overflow(app, b)).ifPresent(findings::add);
        default -> {}
      }
      poolTimeoutZero(app).ifPresent(findings::add);
    }
    return findings;
  }

  /** Prisma 7's adapter-pg leaves the pool to pg: the URL's pool parameters do nothing. */
  private static Optional<Finding> urlParamsIgnored(AppPlan app, PostgresUrl base) {
    List<String> keys =
        Urls.PRISMA_ADAPTER_IGNORED.stream().filter(k -> base.param(k).isPresent()).toList();
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    String found =
        keys.stream().map(k -> k + "=" + base.param(k).get()).collect(Collectors.joining(", "));
    return Optional.of(
        Finding.forApp(
            Severity.WARNING,
            "prisma-url-params-ignored",
            app.name(),
            String.format(
                "%s uses Prisma 7's @prisma/adapter-pg, which ignores %s in database.url: the pg"
                    + " pool's max (default 10) sets the size; remove %s from the URL and pass"
                    + " max: %d to new PrismaPg(...) (DATABASE_POOL_MAX)",
                app.name(), found, String.join(" and ", keys), app.connectionLimit())));
  }

  /** pool_size + max_overflow is what a QueuePool may open; any overflow breaks the plan's cap. */
  private static Optional<Finding> overflow(AppPlan app, PostgresUrl base) {
    Optional<String> value = base.param("max_overflow").filter(v -> !v.trim().equals("0"));
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String extra;
    try {
      long perPool = Long.parseLong(value.get().trim());
      extra =
          String.format(
              "up to %d + %d connections per pool, %d more than planned over %d %s",
              app.connectionLimit(),
              perPool,
              Math.multiplyExact(perPool, app.instances()),
              app.instances(),
              app.instances() == 1 ? "instance" : "instances");
    } catch (NumberFormatException e) {
      extra = "more connections than planned";
    }
    return Optional.of(
        Finding.forApp(
            Severity.WARNING,
            "sqlalchemy-overflow",
            app.name(),
            String.format(
                "%s: database.url sets max_overflow=%s; given to create_engine it allows %s;"
                    + " remove it and keep max_overflow=0 so pool_size=%d is the hard cap",
                app.name(), value.get(), extra, app.connectionLimit())));
  }

  /** What 0 means differs by library: most wait forever, some give up at once. */
  private static Optional<Finding> poolTimeoutZero(AppPlan app) {
    if (app.app().poolTimeout() != 0) {
      return Optional.empty();
    }
    String effect =
        switch (app.app().client()) {
          case PRISMA ->
              "Prisma's pool timeout is off: a query waits forever for a connection"
                  + " when the pool is busy";
          case PRISMA_PG, NODE_POSTGRES ->
              "pg gets connectionTimeoutMillis 0, which means no"
                  + " timeout: a query waits forever for a connection when the pool is busy";
          case HIKARI ->
              "HikariCP gets connection-timeout 0 and waits Integer.MAX_VALUE ms"
                  + " (about 24 days), in effect forever, for a connection when the pool is busy";
          case GENERIC ->
              "DB_POOL_TIMEOUT is 0, which means no timeout in most pools: a request"
                  + " waits forever for a connection when the pool is busy";
          case SQLALCHEMY, RAILS ->
              "there is no time to wait: when every pooled connection is"
                  + " busy a request fails at once";
          case PGX -> null;
        };
    if (effect == null) {
      return Optional.empty();
    }
    return Optional.of(
        Finding.forApp(
            Severity.WARNING,
            "pool-timeout-zero",
            app.name(),
            String.format(
                "%s sets pool_timeout: 0, so %s; set pool_timeout to a few seconds (the default"
                    + " is 20)",
                app.name(), effect)));
  }
}
