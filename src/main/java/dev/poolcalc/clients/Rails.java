package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Pooler;
import dev.poolcalc.url.PostgresUrl;
import java.util.List;
import java.util.Optional;

/**
 * Ruby on Rails' Active Record: {@code pool} connections and {@code checkout_timeout} seconds, read
 * from database.yml or merged in from DATABASE_URL's query; application_name goes on to libpq.
 *
 * <p>Behind PgBouncer or Supavisor in transaction (or statement) mode, Active Record's named
 * prepared statements (a1, a2, … per server connection) and its session advisory lock for
 * migrations break: consecutive transactions may run on different server connections. The Rails
 * guide ("Configuring a PostgreSQL Database",
 * https://guides.rubyonrails.org/configuring.html#configuring-a-postgresql-database): "By default
 * Active Record uses database features like prepared statements and advisory locks. You might need
 * to disable those features if you're using an external connection pooler like PgBouncer", with
 * {@code prepared_statements: false} and {@code advisory_locks: false}. Both are merged in from
 * DATABASE_URL's query like pool, and "false" is cast to false (AbstractAdapter#initialize,
 * type_cast_config_to_boolean). Proved against PgBouncer 1.18 by {@code
 * RailsPoolerConformanceTest}.
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
    return settings(app, base, false);
  }

  @Override
  public ClientSettings settings(
      AppPlan app, Optional<PostgresUrl> base, Pooler pooler, Optional<PostgresUrl> direct) {
    return settings(app, base, pooler.multiplexes());
  }

  @Override
  public List<Finding> pooledFindings(AppPlan app, Pooler pooler, boolean direct) {
    return TransactionPooling.finding(
        app,
        pooler,
        RAILS_BEHIND_POOLER,
        "Active Record",
        "its named prepared statements (a1, a2, …) stay on one server connection and its"
            + " migrations take a session advisory lock",
        "keep prepared_statements=false and advisory_locks=false in DATABASE_URL (rendered), and"
            + " run migrations on a direct connection");
  }

  /** The code of the finding above, for scripts. */
  public static final String RAILS_BEHIND_POOLER = "rails-behind-transaction-pooler";

  private ClientSettings settings(AppPlan app, Optional<PostgresUrl> base, boolean pooled) {
    long limit = app.connectionLimit();
    long timeout = app.app().poolTimeout();
    SettingsBuilder settings =
        new SettingsBuilder(Client.RAILS)
            .url(
                base.map(
                    b -> {
                      PostgresUrl url =
                          Urls.named(b, app.name(), Urls.PRISMA_POOL_PARAMS)
                              .with("pool", Long.toString(limit))
                              .with("checkout_timeout", Long.toString(timeout));
                      if (pooled) {
                        url = url.with(PREPARED_STATEMENTS, "false").with(ADVISORY_LOCKS, "false");
                      }
                      return EnvVar.url("DATABASE_URL", url);
                    }))
            .setting("pool", limit)
            .setting("checkout_timeout", timeout)
            .setting("application_name", app.name());
    String snippet = "pool: " + limit + "\ncheckout_timeout: " + timeout;
    if (pooled) {
      settings.setting(PREPARED_STATEMENTS, "false").setting(ADVISORY_LOCKS, "false");
      snippet += "\n" + PREPARED_STATEMENTS + ": false\n" + ADVISORY_LOCKS + ": false";
    }
    return settings.snippet(snippet).build();
  }

  static final String PREPARED_STATEMENTS = "prepared_statements";
  static final String ADVISORY_LOCKS = "advisory_locks";
}
