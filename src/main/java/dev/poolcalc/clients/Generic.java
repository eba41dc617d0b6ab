package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import dev.poolcalc.url.PostgresUrl;
import java.util.Optional;

/**
 * Any other library: the limit and the wait in plain variables (DB_POOL_TIMEOUT in seconds) to wire
 * into its pool by hand, and a URL that names the app in pg_stat_activity.
 */
final class Generic implements ClientLibrary {

  static final Generic LIBRARY = new Generic();

  private Generic() {}

  @Override
  public Client client() {
    return Client.GENERIC;
  }

  @Override
  public String description() {
    return "a pool to configure by hand from these values";
  }

  @Override
  public Optional<String> poolTimeoutZero() {
    return Optional.of(
        "DB_POOL_TIMEOUT is 0, which means no timeout in most pools: a request waits forever for a"
            + " connection when the pool is busy");
  }

  @Override
  public ClientSettings settings(AppPlan app, Optional<PostgresUrl> base) {
    return new SettingsBuilder(Client.GENERIC)
        .url(
            base.map(
                b ->
                    EnvVar.url("DATABASE_URL", Urls.named(b, app.name(), Urls.PRISMA_POOL_PARAMS))))
        .env("DB_POOL_MAX", app.connectionLimit())
        .env("DB_POOL_TIMEOUT", app.app().poolTimeout())
        .setting("DB_POOL_MAX", app.connectionLimit())
        .setting("DB_POOL_TIMEOUT", app.app().poolTimeout())
        .setting("application_name", app.name())
        .build();
  }
}
