package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import java.util.Optional;

/**
 * Ruby on Rails' Active Record: {@code pool} connections and {@code checkout_timeout} seconds, read
 * from database.yml or merged in from DATABASE_URL's query; application_name goes on to libpq.
 */
final class RailsSettings {

  private RailsSettings() {}

  static ClientSettings render(AppPlan app, Optional<PostgresUrl> base) {
    long limit = app.connectionLimit();
    long timeout = app.app().poolTimeout();
    return new SettingsBuilder(Client.RAILS)
        .url(
            base.map(
                b ->
                    EnvVar.url(
                        "DATABASE_URL",
                        Urls.named(b, app.name(), Urls.PRISMA_POOL_PARAMS)
                            .with("pool", Long.toString(limit))
                            .with("checkout_timeout", Long.toString(timeout)))))
        .setting("pool", limit)
        .setting("checkout_timeout", timeout)
        .setting("application_name", app.name())
        .snippet("pool: " + limit + "\ncheckout_timeout: " + timeout)
        .build();
  }
}
