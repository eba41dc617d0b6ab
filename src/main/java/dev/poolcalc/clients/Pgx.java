package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import dev.poolcalc.url.PostgresUrl;
import java.util.Optional;

/**
 * Go's pgx with pgxpool: pgxpool.ParseConfig reads pool_max_conns from the connection string. pgx
 * has no acquire timeout setting (a caller waits until its context's deadline), so pool_timeout is
 * not rendered.
 */
final class Pgx implements ClientLibrary {

  static final Pgx LIBRARY = new Pgx();

  static final String SNIPPET = "pool, err := pgxpool.New(ctx, os.Getenv(\"DATABASE_URL\"))";

  private Pgx() {}

  @Override
  public Client client() {
    return Client.PGX;
  }

  @Override
  public String description() {
    return "pgx, whose pgxpool reads pool_max_conns from the connection string";
  }

  @Override
  public Optional<String> poolTimeoutZero() {
    return Optional.empty();
  }

  @Override
  public ClientSettings settings(AppPlan app, Optional<PostgresUrl> base) {
    return new SettingsBuilder(Client.PGX)
        .url(
            base.map(
                b ->
                    EnvVar.url(
                        "DATABASE_URL",
                        Urls.named(b, app.name(), Urls.PRISMA_POOL_PARAMS)
                            .with("pool_max_conns", Long.toString(app.connectionLimit())))))
        .setting("pool_max_conns", app.connectionLimit())
        .setting("application_name", app.name())
        .snippet(SNIPPET)
        .build();
  }
}
