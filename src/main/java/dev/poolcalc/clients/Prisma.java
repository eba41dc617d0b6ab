package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Pooler;
import dev.poolcalc.engine.PoolerKind;
import dev.poolcalc.engine.Severity;
import dev.poolcalc.url.PostgresUrl;
import java.util.List;
import java.util.Optional;

/**
 * Prisma ORM up to 6: its query engine owns the pool and reads connection_limit, pool_timeout and
 * connect_timeout (seconds) from DATABASE_URL itself, so the URL is the whole setting.
 *
 * <p>Behind PgBouncer or Supavisor in transaction (or statement) mode the query engine's named
 * prepared statements break, so DATABASE_URL gets {@code pgbouncer=true}; PgBouncer 1.21 and later
 * with max_prepared_statements set does not need it (Prisma's own advice). Prisma Migrate needs a
 * direct connection (it takes an advisory lock for the session), which Prisma 5–6 read from the
 * datasource's {@code directUrl = env("DIRECT_URL")}, rendered from database.url. Sources:
 * https://www.prisma.io/docs/orm/prisma-client/setup-and-configuration/databases-connections/pgbouncer
 * and, for Supavisor's compatibility with pgbouncer=true,
 * https://supabase.github.io/supavisor/orms/prisma
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

  @Override
  public ClientSettings settings(
      AppPlan app, Optional<PostgresUrl> base, Pooler pooler, Optional<PostgresUrl> direct) {
    if (!needsPgbouncerMode(pooler)) {
      return settings(app, base);
    }
    return new SettingsBuilder(Client.PRISMA)
        .url(base.map(b -> EnvVar.url("DATABASE_URL", url(b, app).with("pgbouncer", "true"))))
        .env(
            direct
                .map(d -> EnvVar.url("DIRECT_URL", d.with("application_name", app.name())))
                .orElse(null))
        .setting("connection_limit", app.connectionLimit())
        .setting("pool_timeout", app.app().poolTimeout())
        .setting("connect_timeout", app.app().connectTimeout())
        .setting("application_name", app.name())
        .setting("pgbouncer", "true")
        .build();
  }

  @Override
  public List<Finding> pooledFindings(AppPlan app, Pooler pooler, boolean direct) {
    if (!needsPgbouncerMode(pooler)) {
      return List.of();
    }
    return List.of(
        Finding.forApp(
            Severity.WARNING,
            PRISMA_BEHIND_POOLER,
            app.name(),
            String.format(
                "%s uses Prisma through %s in %s mode, where named prepared statements break:"
                    + " keep pgbouncer=true in DATABASE_URL (rendered; on PgBouncer 1.21+ with"
                    + " max_prepared_statements it can go), and run migrations on a direct"
                    + " connection: set directUrl = env(\"DIRECT_URL\") in the datasource%s",
                app.name(),
                pooler.name(),
                pooler.poolMode().orElseThrow().key(),
                direct
                    ? " (DIRECT_URL is rendered from database.url)"
                    : " and DIRECT_URL to the server's own URL (set database.url to render it)")));
  }

  /** The code of the finding above, for scripts. */
  public static final String PRISMA_BEHIND_POOLER = "prisma-behind-transaction-pooler";

  /** PgBouncer or Supavisor lending server connections per transaction or statement. */
  private static boolean needsPgbouncerMode(Pooler pooler) {
    return pooler.multiplexes()
        && (pooler.kind() == PoolerKind.PGBOUNCER || pooler.kind() == PoolerKind.SUPAVISOR);
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
