package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Pooler;
import dev.poolcalc.url.PostgresUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HikariCP under Spring Boot with the PostgreSQL JDBC driver: maximum-pool-size, connection-timeout
 * in milliseconds, and pgjdbc's ApplicationName in the JDBC URL. A JDBC URL carries no user
 * information, so the user and password become their own properties. Environment variable names
 * follow Spring Boot's relaxed binding (dots to underscores, dashes dropped, upper case).
 *
 * <p>Behind PgBouncer or Supavisor in transaction (or statement) mode, pgjdbc's named server-side
 * prepared statements break: after {@code prepareThreshold} executions of one statement (default 5)
 * pgjdbc prepares it as {@code S_1}, {@code S_2}… on the server connection it happens to have, and
 * the next transaction may run on another. So the JDBC URL gets {@code prepareThreshold=0}, which
 * keeps every statement unnamed (connection parameter prepareThreshold,
 * https://jdbc.postgresql.org/documentation/use/, and
 * https://jdbc.postgresql.org/documentation/server-prepare/). PgBouncer 1.21 and later with
 * max_prepared_statements above 0 tracks protocol-level named statements and does not need it
 * (https://www.pgbouncer.org/config.html#max_prepared_statements). Proved against PgBouncer 1.18 by
 * {@code HikariPoolerConformanceTest}.
 */
final class Hikari implements ClientLibrary {

  static final Hikari LIBRARY = new Hikari();

  static final String MAX_POOL_SIZE = "spring.datasource.hikari.maximum-pool-size";
  static final String CONNECTION_TIMEOUT = "spring.datasource.hikari.connection-timeout";
  static final String PREPARE_THRESHOLD = "prepareThreshold";

  private Hikari() {}

  @Override
  public Client client() {
    return Client.HIKARI;
  }

  @Override
  public String description() {
    return "HikariCP in Spring Boot, with pgjdbc's ApplicationName in the JDBC URL";
  }

  @Override
  public Optional<String> poolTimeoutZero() {
    return Optional.of(
        "HikariCP gets connection-timeout 0 and waits Integer.MAX_VALUE ms (about 24 days), in effect"
            + " forever, for a connection when the pool is busy");
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
        HIKARI_BEHIND_POOLER,
        "pgjdbc",
        "pgjdbc prepares a statement run prepareThreshold (default 5) times as a named statement"
            + " (S_1, ...) on one server connection, which another client's S_1 or none may be"
            + " on next ('prepared statement \"S_1\" already exists' or '… does not exist')",
        "keep prepareThreshold=0 in SPRING_DATASOURCE_URL (rendered; on PgBouncer 1.21+ with"
            + " max_prepared_statements it can go)");
  }

  /** The code of the finding above, for scripts. */
  public static final String HIKARI_BEHIND_POOLER = "hikari-behind-transaction-pooler";

  private ClientSettings settings(AppPlan app, Optional<PostgresUrl> base, boolean unnamed) {
    long timeoutMs = Urls.millis(app.app().poolTimeout());
    SettingsBuilder settings =
        new SettingsBuilder(Client.HIKARI)
            .url(
                base.map(
                    b -> EnvVar.plain("SPRING_DATASOURCE_URL", jdbcUrl(b, app.name(), unnamed))));
    base.flatMap(PostgresUrl::user)
        .ifPresent(u -> settings.env(EnvVar.plain("SPRING_DATASOURCE_USERNAME", u)));
    base.flatMap(PostgresUrl::password)
        .ifPresent(
            p -> settings.env(EnvVar.secret("SPRING_DATASOURCE_PASSWORD", p, PostgresUrl.MASK)));
    settings
        .env(envName(MAX_POOL_SIZE), app.connectionLimit())
        .env(envName(CONNECTION_TIMEOUT), timeoutMs)
        .setting(MAX_POOL_SIZE, app.connectionLimit())
        .setting(CONNECTION_TIMEOUT, timeoutMs)
        .setting("ApplicationName", app.name());
    if (unnamed) {
      settings.setting(PREPARE_THRESHOLD, 0);
    }
    return settings
        .snippet(
            MAX_POOL_SIZE
                + "="
                + app.connectionLimit()
                + "\n"
                + CONNECTION_TIMEOUT
                + "="
                + timeoutMs)
        .build();
  }

  /**
   * {@code jdbc:postgresql://host:port/db?…&ApplicationName=app}: no user, no password; with {@code
   * prepareThreshold=0} when every statement must stay unnamed.
   */
  static String jdbcUrl(PostgresUrl base, String app, boolean unnamed) {
    PostgresUrl url =
        Urls.without(base, Urls.PRISMA_POOL_PARAMS)
            .without("application_name")
            .with("ApplicationName", app);
    if (unnamed) {
      url = url.with(PREPARE_THRESHOLD, "0");
    }
    StringBuilder out = new StringBuilder("jdbc:postgresql://").append(url.hosts()).append('/');
    url.database().ifPresent(d -> out.append(PostgresUrl.encode(d)));
    List<String> pairs = new ArrayList<>();
    for (PostgresUrl.Param p : url.params()) {
      pairs.add(PostgresUrl.encode(p.key()) + "=" + PostgresUrl.encode(p.value()));
    }
    return out.append('?').append(String.join("&", pairs)).toString();
  }

  /** Spring Boot's relaxed binding: {@code a.b-c} is read from {@code A_BC}. */
  static String envName(String property) {
    return property.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
  }
}
