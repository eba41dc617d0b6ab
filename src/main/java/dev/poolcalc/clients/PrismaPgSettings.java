package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import java.util.Optional;

/**
 * Prisma ORM 7 with {@code @prisma/adapter-pg}: the pool is node-postgres', sized by {@code max}
 * and bounded by {@code connectionTimeoutMillis} given to {@code new PrismaPg(...)}. Prisma's URL
 * pool parameters do nothing there, so the URL carries only application_name.
 */
final class PrismaPgSettings {

  static final String SNIPPET =
      "new PrismaPg({ connectionString: process.env.DATABASE_URL,"
          + " max: Number(process.env.DATABASE_POOL_MAX),"
          + " connectionTimeoutMillis: Number(process.env.DATABASE_POOL_TIMEOUT_MS) })";

  private PrismaPgSettings() {}

  static ClientSettings render(AppPlan app, Optional<PostgresUrl> base) {
    long timeoutMs = Urls.millis(app.app().poolTimeout());
    return new SettingsBuilder(Client.PRISMA_PG)
        .url(
            base.map(
                b ->
                    EnvVar.url(
                        "DATABASE_URL",
                        Urls.named(b, app.name(), Urls.PRISMA_ADAPTER_IGNORED))))
        .env("DATABASE_POOL_MAX", app.connectionLimit())
        .env("DATABASE_POOL_TIMEOUT_MS", timeoutMs)
        .setting("max", app.connectionLimit())
        .setting("connectionTimeoutMillis", timeoutMs)
        .setting("application_name", app.name())
        .snippet(SNIPPET)
        .build();
  }
}
