package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import java.util.List;
import java.util.Optional;

/**
 * SQLAlchemy's QueuePool, configured in create_engine: pool_size = the limit and max_overflow = 0,
 * because the pool may open pool_size + max_overflow connections and the limit is the hard cap;
 * pool_timeout in seconds. The URL's query goes to the database driver, so pool arguments there are
 * dropped.
 */
final class SqlAlchemySettings {

  static final List<String> POOL_ARGUMENTS =
      List.of("connection_limit", "pool_timeout", "pool_size", "max_overflow");

  static final String SNIPPET =
      "create_engine(os.environ[\"DATABASE_URL\"], pool_size=int(os.environ[\"DB_POOL_SIZE\"]),"
          + " max_overflow=0, pool_timeout=int(os.environ[\"DB_POOL_TIMEOUT\"]))";

  private SqlAlchemySettings() {}

  static ClientSettings render(AppPlan app, Optional<PostgresUrl> base) {
    return new SettingsBuilder(Client.SQLALCHEMY)
        .url(base.map(b -> EnvVar.url("DATABASE_URL", Urls.named(b, app.name(), POOL_ARGUMENTS))))
        .env("DB_POOL_SIZE", app.connectionLimit())
        .env("DB_POOL_TIMEOUT", app.app().poolTimeout())
        .setting("pool_size", app.connectionLimit())
        .setting("max_overflow", 0)
        .setting("pool_timeout", app.app().poolTimeout())
        .setting("application_name", app.name())
        .snippet(SNIPPET)
        .build();
  }
}
