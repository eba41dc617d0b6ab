package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;

/**
 * Prisma (≤ 6) reads its pool settings from the DATABASE_URL itself: each app gets the base URL
 * with connection_limit, pool_timeout, connect_timeout and application_name set.
 */
public final class PrismaUrl {

  private PrismaUrl() {}

  public static PostgresUrl forApp(PostgresUrl base, AppPlan app) {
    return base.with("connection_limit", Long.toString(app.connectionLimit()))
        .with("pool_timeout", Long.toString(app.app().poolTimeout()))
        .with("connect_timeout", Long.toString(app.app().connectTimeout()))
        .with("application_name", app.name());
  }
}
