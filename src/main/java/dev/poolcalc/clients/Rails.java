package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import dev.poolcalc.url.PostgresUrl;
import java.util.Optional;

/**
 * Ruby on Rails' Active Record: {@code pool} connections and {@code checkout_timeout} seconds, read
 * from database.yml or merged in from DATABASE_URL's query; application_name goes on to libpq.
 */
final class Rails implements ClientLibrary {

  static final Rails LIBRARY = new Rails();

  private Rails() {}

  @Override
  public Client client() {
    return Client.RAILS;
  }

  @Override
  public String description() {
    return "Active Record, which reads pool and checkout_timeout";
  }

  @Override
  public Optional<String> poolTimeoutZero() {
    return Optional.of(
        "there is no time to wait: when every pooled connection is busy a request fails at once");
  }

  @Override
  public ClientSettings settings(AppPlan app, Optional<PostgresUrl> base) {
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
