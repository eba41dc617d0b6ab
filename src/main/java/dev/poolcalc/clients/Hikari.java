package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
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
 */
final class Hikari implements ClientLibrary {

  static final Hikari LIBRARY = new Hikari();

  static final String MAX_POOL_SIZE = "spring.datasource.hikari.maximum-pool-size";
  static final String CONNECTION_TIMEOUT = "spring.datasource.hikari.connection-timeout";

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
    long timeoutMs = Urls.millis(app.app().poolTimeout());
    SettingsBuilder settings =
        new SettingsBuilder(Client.HIKARI)
            .url(base.map(b -> EnvVar.plain("SPRING_DATASOURCE_URL", jdbcUrl(b, app.name()))));
    base.flatMap(PostgresUrl::user)
        .ifPresent(u -> settings.env(EnvVar.plain("SPRING_DATASOURCE_USERNAME", u)));
    base.flatMap(PostgresUrl::password)
        .ifPresent(
            p -> settings.env(EnvVar.secret("SPRING_DATASOURCE_PASSWORD", p, PostgresUrl.MASK)));
    return settings
        .env(envName(MAX_POOL_SIZE), app.connectionLimit())
        .env(envName(CONNECTION_TIMEOUT), timeoutMs)
        .setting(MAX_POOL_SIZE, app.connectionLimit())
        .setting(CONNECTION_TIMEOUT, timeoutMs)
        .setting("ApplicationName", app.name())
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

  /** {@code jdbc:postgresql://host:port/db?…&ApplicationName=app}: no user, no password. */
  static String jdbcUrl(PostgresUrl base, String app) {
    PostgresUrl url =
        Urls.without(base, Urls.PRISMA_POOL_PARAMS)
            .without("application_name")
            .with("ApplicationName", app);
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
