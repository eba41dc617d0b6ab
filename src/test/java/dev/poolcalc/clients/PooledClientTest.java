package dev.poolcalc.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.engine.Amount;
import dev.poolcalc.engine.App;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import dev.poolcalc.engine.Database;
import dev.poolcalc.engine.Deployment;
import dev.poolcalc.engine.PoolMode;
import dev.poolcalc.engine.Pooler;
import dev.poolcalc.engine.Replicas;
import dev.poolcalc.engine.Sizing;
import dev.poolcalc.url.PostgresUrl;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a client library is given behind a pooler. */
class PooledClientTest {

  private static final Optional<PostgresUrl> POOLER =
      Optional.of(PostgresUrl.parse("postgresql://app@bouncer:6432/shop"));
  private static final Optional<PostgresUrl> DIRECT =
      Optional.of(PostgresUrl.parse("postgresql://app@db:5432/shop"));

  private static AppPlan web(Pooler pooler, Client client) {
    App app = App.of("web", Replicas.fixed(2), 1).withClient(client).withVia(pooler.name());
    return Sizing.plan(
            new Deployment(Database.of(100, Amount.count(15)), List.of(app), List.of(pooler)))
        .app("web")
        .orElseThrow();
  }

  @Test
  void prismaBehindATransactionPoolerGetsPgbouncerModeAndADirectUrl() {
    Pooler bouncer = Pooler.pgbouncer("bouncer").withPoolMode(PoolMode.TRANSACTION);
    AppPlan app = web(bouncer, Client.PRISMA);
    ClientLibrary prisma = ClientLibrary.of(Client.PRISMA);

    ClientSettings s = prisma.settings(app, POOLER, bouncer, DIRECT);

    // client budget floor(100 × 0.85) = 85 over 2 instances: 42 each
    assertThat(s.env())
        .extracting(EnvVar::toString)
        .containsExactly(
            "DATABASE_URL=postgresql://app@bouncer:6432/shop?connection_limit=42&pool_timeout=20"
                + "&connect_timeout=5&application_name=web&pgbouncer=true",
            "DIRECT_URL=postgresql://app@db:5432/shop?application_name=web");
    assertThat(prisma.pooledFindings(app, bouncer, true))
        .extracting(f -> f.code())
        .containsExactly("prisma-behind-transaction-pooler");
  }

  @Test
  void prismaBehindASessionPoolerRendersAsOnADirectLine() {
    Pooler bouncer = Pooler.pgbouncer("bouncer");
    AppPlan app = web(bouncer, Client.PRISMA);
    ClientLibrary prisma = ClientLibrary.of(Client.PRISMA);

    assertThat(prisma.settings(app, POOLER, bouncer, DIRECT))
        .isEqualTo(prisma.settings(app, POOLER));
    assertThat(prisma.pooledFindings(app, bouncer, true)).isEmpty();
  }

  @Test
  void otherLibrariesRenderThePoolersUrlWithTheirOwnKnobs() {
    Pooler bouncer = Pooler.pgbouncer("bouncer").withPoolMode(PoolMode.TRANSACTION);
    AppPlan app = web(bouncer, Client.NODE_POSTGRES);
    ClientLibrary pg = ClientLibrary.of(Client.NODE_POSTGRES);

    assertThat(pg.settings(app, POOLER, bouncer, DIRECT)).isEqualTo(pg.settings(app, POOLER));
    assertThat(pg.pooledFindings(app, bouncer, true)).isEmpty();
  }

  @Test
  void hikariBehindATransactionPoolerKeepsEveryStatementUnnamed() {
    Pooler bouncer = Pooler.pgbouncer("bouncer").withPoolMode(PoolMode.TRANSACTION);
    AppPlan app = web(bouncer, Client.HIKARI);
    ClientLibrary hikari = ClientLibrary.of(Client.HIKARI);

    ClientSettings s = hikari.settings(app, POOLER, bouncer, DIRECT);

    assertThat(s.env().get(0).toString())
        .isEqualTo(
            "SPRING_DATASOURCE_URL=jdbc:postgresql://bouncer:6432/shop?ApplicationName=web"
                + "&prepareThreshold=0");
    assertThat(s.settings()).contains(Setting.number("prepareThreshold", 0));
    assertThat(hikari.pooledFindings(app, bouncer, true))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("hikari-behind-transaction-pooler");
              assertThat(f.message())
                  .startsWith("web uses pgjdbc through bouncer in transaction mode, where")
                  .endsWith(
                      "keep prepareThreshold=0 in SPRING_DATASOURCE_URL (rendered; on"
                          + " PgBouncer 1.21+ with max_prepared_statements it can go)");
            });
  }

  @Test
  void hikariBehindASessionPoolerOrAnRdsProxyRendersAsOnADirectLine() {
    ClientLibrary hikari = ClientLibrary.of(Client.HIKARI);
    for (Pooler pooler : List.of(Pooler.pgbouncer("bouncer"), Pooler.rdsProxy("bouncer", 50))) {
      AppPlan app = web(pooler, Client.HIKARI);
      assertThat(hikari.settings(app, POOLER, pooler, DIRECT))
          .isEqualTo(hikari.settings(app, POOLER));
      assertThat(hikari.pooledFindings(app, pooler, true)).isEmpty();
    }
  }

  @Test
  void railsBehindATransactionPoolerTurnsOffPreparedStatementsAndAdvisoryLocks() {
    Pooler bouncer = Pooler.pgbouncer("bouncer").withPoolMode(PoolMode.TRANSACTION);
    AppPlan app = web(bouncer, Client.RAILS);
    ClientLibrary rails = ClientLibrary.of(Client.RAILS);

    // client budget floor(100 × 0.85) = 85 over 2 instances: 42 each
    assertThat(rails.settings(app, POOLER, bouncer, DIRECT).env())
        .extracting(EnvVar::toString)
        .containsExactly(
            "DATABASE_URL=postgresql://app@bouncer:6432/shop?application_name=web&pool=42"
                + "&checkout_timeout=20&prepared_statements=false&advisory_locks=false");
    assertThat(rails.pooledFindings(app, bouncer, true))
        .extracting(f -> f.code())
        .containsExactly("rails-behind-transaction-pooler");
    Pooler session = Pooler.pgbouncer("bouncer");
    assertThat(rails.settings(web(session, Client.RAILS), POOLER, session, DIRECT))
        .isEqualTo(rails.settings(web(session, Client.RAILS), POOLER));
    assertThat(rails.pooledFindings(web(session, Client.RAILS), session, true)).isEmpty();
  }

  @Test
  void pgxBehindATransactionPoolerIsToldBothVersionsKeysAndGivenNeither() {
    Pooler bouncer = Pooler.pgbouncer("bouncer").withPoolMode(PoolMode.TRANSACTION);
    AppPlan app = web(bouncer, Client.PGX);
    ClientLibrary pgx = ClientLibrary.of(Client.PGX);

    assertThat(pgx.settings(app, POOLER, bouncer, DIRECT)).isEqualTo(pgx.settings(app, POOLER));
    assertThat(pgx.pooledFindings(app, bouncer, true))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("pgx-behind-transaction-pooler");
              assertThat(f.message())
                  .contains("statement_cache_mode=describe (pgx v4)")
                  .contains("default_query_exec_mode=exec (pgx v5)");
            });
  }
}
