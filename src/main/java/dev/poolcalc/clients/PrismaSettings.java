package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import java.util.Optional;

/**
 * Prisma ORM up to 6: its query engine owns the pool and reads connection_limit, pool_timeout and
 * connect_timeout (seconds) from DATABASE_URL itself, so the URL is the whole setting.
 */
final class PrismaSettings {

  private PrismaSettings() {}

  static ClientSettings render(AppPlan app, Optional<PostgresUrl> base) {
    return new SettingsBuilder(Client.PRISMA)
        .url(base.map(b -> EnvVar.url("DATABASE_URL", PrismaUrl.forApp(b, app))))
        .setting("connection_limit", app.connectionLimit())
        .setting("pool_timeout", app.app().poolTimeout())
        .setting("connect_timeout", app.app().connectTimeout())
        .setting("application_name", app.name())
        .build();
  }
}
