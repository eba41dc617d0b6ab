package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Severity;
import dev.poolcalc.url.PostgresUrl;
import java.util.List;
import java.util.Optional;

/**
 * SQLAlchemy's QueuePool, configured in create_engine: pool_size = the limit and max_overflow = 0,
 * because the pool may open pool_size + max_overflow connections and the limit is the hard cap;
 * pool_timeout in seconds. The URL's query goes to the database driver, so pool arguments there are
 * dropped.
 */
final class SqlAlchemy implements ClientLibrary {

  static final SqlAlchemy LIBRARY = new SqlAlchemy();

  static final List<String> POOL_ARGUMENTS =
      List.of("connection_limit", "pool_timeout", "pool_size", "max_overflow");

  static final String SNIPPET =
      "create_engine(os.environ[\"DATABASE_URL\"], pool_size=int(os.environ[\"DB_POOL_SIZE\"]),"
          + " max_overflow=int(os.environ[\"DB_MAX_OVERFLOW\"]), pool_timeout=int(os.environ[\"DB_POOL_TIMEOUT\"]))";

  private SqlAlchemy() {}

  @Override
  public Client client() {
    return Client.SQLALCHEMY;
  }

  @Override
  public String description() {
    return "SQLAlchemy, where pool_size is the limit and max_overflow stays 0";
  }

  @Override
  public Optional<String> poolTimeoutZero() {
    return Optional.of(
        "there is no time to wait: when every pooled connection is busy a request fails at once");
  }

  /**
   * SQLAlchemy hands the URL's query to the DBAPI, so psycopg2 refuses a DSN with max_overflow: the
   * app cannot connect at all. The overflow that does happen is create_engine's default of 10.
   */
  @Override
  public List<Finding> urlFindings(AppPlan app, PostgresUrl base) {
    Optional<String> value = base.param("max_overflow");
    if (value.isEmpty()) {
      return List.of();
    }
    return List.of(
        Finding.forApp(
            Severity.WARNING,
            "sqlalchemy-overflow",
            app.name(),
            String.format(
                "%s: database.url sets max_overflow=%s; SQLAlchemy passes URL query parameters to"
                    + " the driver and psycopg2 refuses the DSN (invalid connection option"
                    + " \"max_overflow\"), so the app cannot connect; remove it and pass"
                    + " max_overflow=DB_MAX_OVERFLOW (0) to create_engine, whose default of 10"
                    + " would open up to %d + 10 connections per pool",
                app.name(), value.get(), app.connectionLimit())));
  }

  @Override
  public ClientSettings settings(AppPlan app, Optional<PostgresUrl> base) {
    return new SettingsBuilder(Client.SQLALCHEMY)
        .url(base.map(b -> EnvVar.url("DATABASE_URL", Urls.named(b, app.name(), POOL_ARGUMENTS))))
        .env("DB_POOL_SIZE", app.connectionLimit())
        .env("DB_MAX_OVERFLOW", 0)
        .env("DB_POOL_TIMEOUT", app.app().poolTimeout())
        .setting("pool_size", app.connectionLimit())
        .setting("max_overflow", 0)
        .setting("pool_timeout", app.app().poolTimeout())
        .setting("application_name", app.name())
        .snippet(SNIPPET)
        .build();
  }
}
