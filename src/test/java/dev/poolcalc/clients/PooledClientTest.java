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
}
