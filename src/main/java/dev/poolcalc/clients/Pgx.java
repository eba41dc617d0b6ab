package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Pooler;
import dev.poolcalc.url.PostgresUrl;
import java.util.List;
import java.util.Optional;

/**
 * Go's pgx with pgxpool: pgxpool.ParseConfig reads pool_max_conns from the connection string. pgx
 * has no acquire timeout setting (a caller waits until its context's deadline), so pool_timeout is
 * not rendered.
 *
 * <p>Behind PgBouncer or Supavisor in transaction (or statement) mode, pgx's default statement
 * cache prepares named statements on one server connection, which the next transaction may not
 * have. pgx v4's ParseConfig takes {@code statement_cache_mode=describe}, "primarily useful when
 * ... running a connection pooler like PgBouncer" (its doc.go: "pgx is compatible with PgBouncer in
 * two modes": describe, or the simple protocol); pgx v5 takes {@code default_query_exec_mode}
 * (exec, simple_protocol, …) instead. Each version passes the other's key on to the server as a
 * run-time setting, which the server refuses, so poolcalc renders neither and says both in the
 * finding.
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
  public List<Finding> pooledFindings(AppPlan app, Pooler pooler, boolean direct) {
    return TransactionPooling.finding(
        app,
        pooler,
        PGX_BEHIND_POOLER,
        "pgx",
        "pgx's statement cache prepares named statements on one server connection",
        "add statement_cache_mode=describe (pgx v4) or default_query_exec_mode=exec (pgx v5) to"
            + " DATABASE_URL; not rendered, since each version sends the other's key to the server"
            + " and fails (not needed on PgBouncer 1.21+ with max_prepared_statements)");
  }

  /** The code of the finding above, for scripts. */
  public static final String PGX_BEHIND_POOLER = "pgx-behind-transaction-pooler";

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
