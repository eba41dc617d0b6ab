package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import java.util.Optional;

/**
 * node-postgres' {@code Pool}, used directly ({@code node-postgres}) or under Prisma 7's
 * {@code @prisma/adapter-pg} ({@code prisma-pg}): {@code max} clients, {@code
 * connectionTimeoutMillis} to wait (0 is no timeout), and application_name, which pg reads from the
 * connection string. Prisma's URL pool parameters do nothing here, so the URL drops them.
 */
final class PgPoolSettings {

  static final String PRISMA_PG_SNIPPET =
      "new PrismaPg({ connectionString: process.env.DATABASE_URL,"
          + " max: Number(process.env.DATABASE_POOL_MAX),"
          + " connectionTimeoutMillis: Number(process.env.DATABASE_POOL_TIMEOUT_MS) })";

  static final String NODE_POSTGRES_SNIPPET =
      "new Pool({ connectionString: process.env.DATABASE_URL,"
          + " max: Number(process.env.DATABASE_POOL_MAX),"
          + " connectionTimeoutMillis: Number(process.env.DATABASE_POOL_TIMEOUT_MS) })";

  private PgPoolSettings() {}

  static ClientSettings render(AppPlan app, Optional<PostgresUrl> base) {
    Client client = app.app().client();
    long timeoutMs = Urls.millis(app.app().poolTimeout());
    return new SettingsBuilder(client)
        .url(
            base.map(
                b ->
                    EnvVar.url(
                        "DATABASE_URL", Urls.named(b, app.name(), Urls.PRISMA_ADAPTER_IGNORED))))
        .env("DATABASE_POOL_MAX", app.connectionLimit())
        .env("DATABASE_POOL_TIMEOUT_MS", timeoutMs)
        .setting("max", app.connectionLimit())
        .setting("connectionTimeoutMillis", timeoutMs)
        .setting("application_name", app.name())
        .snippet(client == Client.PRISMA_PG ? PRISMA_PG_SNIPPET : NODE_POSTGRES_SNIPPET)
        .build();
  }
}
