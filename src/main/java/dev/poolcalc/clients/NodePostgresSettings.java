package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import java.util.Optional;

/**
 * node-postgres' {@code Pool}: {@code max} clients, {@code connectionTimeoutMillis} to wait (0 is
 * no timeout), and application_name, which pg also reads from the connection string.
 */
final class NodePostgresSettings {

  static final String SNIPPET =
      "new Pool({ connectionString: process.env.DATABASE_URL,"
          + " max: Number(process.env.DATABASE_POOL_MAX),"
          + " connectionTimeoutMillis: Number(process.env.DATABASE_POOL_TIMEOUT_MS) })";

  private NodePostgresSettings() {}

  static ClientSettings render(AppPlan app, Optional<PostgresUrl> base) {
    long timeoutMs = Urls.millis(app.app().poolTimeout());
    return new SettingsBuilder(Client.NODE_POSTGRES)
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
