package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Severity;
import dev.poolcalc.url.PostgresUrl;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * node-postgres' {@code Pool}, used directly ({@code node-postgres}) or under Prisma 7's {@code
 * @prisma/adapter-pg} ({@code prisma-pg}): {@code max} clients, {@code connectionTimeoutMillis} to
 * wait (0 is no timeout), and application_name, which pg reads from the connection string. Prisma's
 * URL pool parameters do nothing here, so the URL drops them.
 */
final class PgPool implements ClientLibrary {

  static final PgPool PRISMA_PG =
      new PgPool(
          Client.PRISMA_PG,
          "Prisma 7 with @prisma/adapter-pg: the pool is pg's, sized by max;"
              + " connection_limit and pool_timeout in the URL are ignored",
          "new PrismaPg({ connectionString: process.env.DATABASE_URL,"
              + " max: Number(process.env.DATABASE_POOL_MAX),"
              + " connectionTimeoutMillis: Number(process.env.DATABASE_POOL_TIMEOUT_MS) })");

  static final PgPool NODE_POSTGRES =
      new PgPool(
          Client.NODE_POSTGRES,
          "node-postgres, whose Pool takes max and connectionTimeoutMillis",
          "new Pool({ connectionString: process.env.DATABASE_URL,"
              + " max: Number(process.env.DATABASE_POOL_MAX),"
              + " connectionTimeoutMillis: Number(process.env.DATABASE_POOL_TIMEOUT_MS) })");

  private final Client client;
  private final String description;
  private final String snippet;

  private PgPool(Client client, String description, String snippet) {
    this.client = client;
    this.description = description;
    this.snippet = snippet;
  }

  @Override
  public Client client() {
    return client;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public boolean isPrisma() {
    return client == Client.PRISMA_PG;
  }

  @Override
  public ClientSettings settings(AppPlan app, Optional<PostgresUrl> base) {
    long timeoutMs = Urls.millis(app.app().poolTimeout());
    return new SettingsBuilder(client)
        .url(
            base.map(
                b ->
                    EnvVar.url(
                        "DATABASE_URL", Urls.named(b, app.name(), Urls.PRISMA_ADAPTER_IGNORED))))
        .env("DATABASE_POOL_MAX", app.connectionLimit())
        .env("DATABASE_POOL_TIMEOUT_MS", timeoutMs)
        .setting("max", app.connectionLimit())
        .setting("connectionTimeoutMillis", timeoutMs)
        .setting("application_name", app.name())
        .snippet(snippet)
        .build();
  }

  /** Prisma 7's adapter-pg leaves the pool to pg: the URL's pool parameters do nothing. */
  @Override
  public List<Finding> urlFindings(AppPlan app, PostgresUrl base) {
    if (client != Client.PRISMA_PG) {
      return List.of();
    }
    List<String> keys =
        Urls.PRISMA_ADAPTER_IGNORED.stream().filter(k -> base.param(k).isPresent()).toList();
    if (keys.isEmpty()) {
      return List.of();
    }
    String found =
        keys.stream().map(k -> k + "=" + base.param(k).get()).collect(Collectors.joining(", "));
    return List.of(
        Finding.forApp(
            Severity.WARNING,
            "prisma-url-params-ignored",
            app.name(),
            String.format(
                "%s uses Prisma 7's @prisma/adapter-pg, which ignores %s in database.url: the pg"
                    + " pool's max (default 10) sets the size; remove %s from the URL and pass"
                    + " max: %d to new PrismaPg(...) (DATABASE_POOL_MAX)",
                app.name(), found, String.join(" and ", keys), app.connectionLimit())));
  }

  @Override
  public Optional<String> poolTimeoutZero() {
    return Optional.of(
        "pg gets connectionTimeoutMillis 0, which means no timeout: a query waits forever for a"
            + " connection when the pool is busy");
  }
}
