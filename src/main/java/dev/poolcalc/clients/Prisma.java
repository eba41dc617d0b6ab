package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import dev.poolcalc.url.PostgresUrl;
import java.util.Optional;

/**
 * Prisma ORM up to 6: its query engine owns the pool and reads connection_limit, pool_timeout and
 * connect_timeout (seconds) from DATABASE_URL itself, so the URL is the whole setting.
 */
final class Prisma implements ClientLibrary {

  static final Prisma LIBRARY = new Prisma();

  private Prisma() {}

  @Override
  public Client client() {
    return Client.PRISMA;
  }

  @Override
  public String description() {
    return "Prisma (up to 6), which reads its pool settings from DATABASE_URL";
  }

  @Override
  public boolean isPrisma() {
    return true;
  }

  @Override
  public ClientSettings settings(AppPlan app, Optional<PostgresUrl> base) {
    return new SettingsBuilder(Client.PRISMA)
        .url(base.map(b -> EnvVar.url("DATABASE_URL", url(b, app))))
        .setting("connection_limit", app.connectionLimit())
        .setting("pool_timeout", app.app().poolTimeout())
        .setting("connect_timeout", app.app().connectTimeout())
        .setting("application_name", app.name())
        .build();
  }

  /** The base URL with the app's connection_limit, timeouts and application_name set. */
  static PostgresUrl url(PostgresUrl base, AppPlan app) {
    return base.with("connection_limit", Long.toString(app.connectionLimit()))
        .with("pool_timeout", Long.toString(app.app().poolTimeout()))
        .with("connect_timeout", Long.toString(app.app().connectTimeout()))
        .with("application_name", app.name());
  }

  @Override
  public Optional<String> poolTimeoutZero() {
    return Optional.of(
        "Prisma's pool timeout is off: a query waits forever for a connection when the pool is"
            + " busy");
  }
}
