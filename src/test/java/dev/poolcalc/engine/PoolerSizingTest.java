package dev.poolcalc.engine;

import static dev.poolcalc.engine.Deployments.app;
import static dev.poolcalc.engine.Deployments.fixed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The pooler arithmetic of docs/ARCHITECTURE.md ("Poolers"), against numbers worked by hand. */
class PoolerSizingTest {

  private static final Database DB_100 = Database.of(100, Amount.count(15));

  private static Plan plan(Database db, List<Pooler> poolers, App... apps) {
    return Sizing.plan(new Deployment(db, List.of(apps), poolers));
  }

  @Test
  void pgbouncerServerIsReplicasTimesPairsTimesDefaultPlusReservePool() {
    // 2 replicas × 1 pair × (20 + 0) = 40
    Pooler bouncer = Pooler.pgbouncer("bouncer").withReplicas(2);
    Plan plan = plan(DB_100, List.of(bouncer), app("web", 10).withVia("bouncer"));

    assertThat(plan.poolers().get(0).serverConnections()).isEqualTo(40);
    // 3 replicas × 2 pairs × (10 + 5) = 90
    Pooler three = bouncer.withReplicas(3).withPairs(2).withPgbouncerPools(10, 5, 0);
    assertThat(three.serverConnections(100)).isEqualTo(90);
  }

  @Test
  void maxDbConnectionsCapsEachProcess() {
    // per process min(2 pairs × (20 + 5) = 50, 30) = 30; × 2 replicas = 60
    Pooler capped =
        Pooler.pgbouncer("b").withReplicas(2).withPairs(2).withPgbouncerPools(20, 5, 30);
    assertThat(capped.serverConnections(1000)).isEqualTo(60);
    assertThat(capped.capBinds()).isTrue();
    // a cap above the pools changes nothing: min(50, 80) = 50 per process, 100 in all
    assertThat(capped.withPgbouncerPools(20, 5, 80).serverConnections(1000)).isEqualTo(100);
  }

  @Test
  void supavisorServerIsPairsTimesPoolSize() {
    // 3 pairs × 15 = 45
    assertThat(Pooler.supavisor("s", 15, 200).withPairs(3).serverConnections(500)).isEqualTo(45);
  }

  @Test
  void rdsProxyServerIsFloorOfMaxConnectionsTimesPercent() {
    // floor(333 × 45 / 100) = floor(149.85) = 149
    assertThat(Pooler.rdsProxy("p", 45).serverConnections(333)).isEqualTo(149);
    // 100 % of 100 = 100
    assertThat(Pooler.rdsProxy("p", 100).serverConnections(100)).isEqualTo(100);
  }

  @Test
  void poolersComeOffTheBudgetBeforeDirectAppsSplitIt() {
    // budget min(100 − 15, floor(100 × 0.85)) = 85; bouncer 40; fixed cron 1 × 5 = 5
    // remaining 85 − 40 − 5 = 40 over 3 direct instances: floor(40 / 3) = 13
    // total = 40 + 5 + 3 × 13 = 84
    Pooler bouncer = Pooler.pgbouncer("bouncer").withReplicas(2).withPoolMode(PoolMode.TRANSACTION);
    Plan plan =
        plan(
            DB_100,
            List.of(bouncer),
            app("web", 10).withVia("bouncer"),
            app("api", 3),
            fixed("cron", 1, 5));

    assertThat(plan.app("api").orElseThrow().connectionLimit()).isEqualTo(13);
    assertThat(plan.split().remaining()).isEqualTo(40);
    assertThat(plan.totalConnections()).isEqualTo(84);
    assertThat(plan.freeConnections()).isEqualTo(16);
    assertThat(plan.status()).isEqualTo(Status.OK);
  }

  @Test
  void appsBehindAPoolerSplitItsClientBudget() {
    // C = 2 × 100 = 200; client budget floor(200 × 0.85) = 170
    // web 10 instances, worker 2 × 3 processes = 6, fixed job 1 × 4 = 4
    // remaining 170 − 4 = 166 over 16 instances: floor(166 / 16) = 10
    // clients = 10 × 10 + 6 × 10 + 4 = 164
    Pooler bouncer = Pooler.pgbouncer("bouncer").withReplicas(2).withPoolMode(PoolMode.TRANSACTION);
    Plan plan =
        plan(
            DB_100,
            List.of(bouncer),
            app("web", 10).withVia("bouncer"),
            App.of("worker", Replicas.fixed(2), 3).withVia("bouncer"),
            fixed("job", 1, 4).withVia("bouncer"));

    PoolerPlan p = plan.poolers().get(0);
    assertThat(p.clientCapacity()).isEqualTo(OptionalLong.of(200));
    assertThat(p.clientBudget()).isEqualTo(OptionalLong.of(170));
    assertThat(plan.app("web").orElseThrow().connectionLimit()).isEqualTo(10);
    assertThat(plan.app("worker").orElseThrow().connectionLimit()).isEqualTo(10);
    assertThat(p.clientConnections()).isEqualTo(164);
    assertThat(p.status()).isEqualTo(Status.OK);
    // the server sees only the pooler: 40 of the budget of 85
    assertThat(plan.totalConnections()).isEqualTo(40);
    assertThat(plan.status()).isEqualTo(Status.OK);
  }

  @Test
  void weightedClientSplitHandsOutTheLeftoverAsOnTheServer() {
    // C = 1 × 100, client budget 85; W = 2 × 3 + 1 × 4 = 10
    // a: floor(85 × 2 / 10) = 17, lost 170 − 170 = 0; b: floor(85 × 1 / 10) = 8, lost 85 − 80 = 5
    // given 3 × 17 + 4 × 8 = 83, leftover 2: b's 4 instances do not fit in 2, a's 3 neither
    Pooler bouncer = Pooler.pgbouncer("b").withPoolMode(PoolMode.TRANSACTION);
    Plan plan =
        plan(
            DB_100,
            List.of(bouncer),
            app("a", 3).withWeight(java.math.BigDecimal.valueOf(2)).withVia("b"),
            app("c", 4).withWeight(java.math.BigDecimal.ONE).withVia("b"));

    assertThat(plan.app("a").orElseThrow().connectionLimit()).isEqualTo(17);
    assertThat(plan.app("c").orElseThrow().connectionLimit()).isEqualTo(8);
    assertThat(plan.poolers().get(0).clientConnections()).isEqualTo(83);
  }

  @Test
  void clientsPastCapacityAreAnError() {
    // C = 100, fixed 11 × 10 = 110 > 100
    Plan plan =
        plan(
            DB_100,
            List.of(Pooler.pgbouncer("b").withPoolMode(PoolMode.TRANSACTION)),
            fixed("web", 11, 10).withVia("b"));

    assertThat(plan.poolers().get(0).status()).isEqualTo(Status.ERROR);
    assertThat(plan.status()).isEqualTo(Status.ERROR);
    assertThat(plan.findings()).anyMatch(f -> f.code().equals("pooler-client-capacity"));
  }

  @Test
  void clientsPastTheClientBudgetAreAWarning() {
    // client budget floor(100 × 0.85) = 85 < 9 × 10 = 90 ≤ 100
    Plan plan =
        plan(
            DB_100,
            List.of(Pooler.pgbouncer("b").withPoolMode(PoolMode.TRANSACTION)),
            fixed("web", 9, 10).withVia("b"));

    assertThat(plan.poolers().get(0).status()).isEqualTo(Status.WARNING);
    assertThat(plan.status()).isEqualTo(Status.WARNING);
    assertThat(plan.findings()).anyMatch(f -> f.code().equals("pooler-client-budget"));
  }

  @Test
  void sessionModeWithMoreClientsThanServerConnectionsIsAnError() {
    // session mode, server 1 × 1 × (20 + 0) = 20; clients 5 × 5 = 25 > 20 (and ≤ budget 85)
    Plan plan = plan(DB_100, List.of(Pooler.pgbouncer("b")), fixed("web", 5, 5).withVia("b"));

    assertThat(plan.poolers().get(0).status()).isEqualTo(Status.ERROR);
    assertThat(plan.findings()).anyMatch(f -> f.code().equals("session-pool-oversubscribed"));
    // the same clients in transaction mode multiplex: ok, 25 / 20 = 1.3 clients per server
    Plan tx =
        plan(
            DB_100,
            List.of(Pooler.pgbouncer("b").withPoolMode(PoolMode.TRANSACTION)),
            fixed("web", 5, 5).withVia("b"));
    assertThat(tx.status()).isEqualTo(Status.OK);
    assertThat(tx.poolers().get(0).ratio()).isEqualByComparingTo("1.3");
  }

  @Test
  void aLimitBelowOneBehindAPoolerIsAnError() {
    // supavisor C = 10, client budget floor(10 × 0.85) = 8; 9 instances: floor(8 / 9) = 0
    Plan plan = plan(DB_100, List.of(Pooler.supavisor("s", 10, 10)), app("web", 9).withVia("s"));

    assertThat(plan.app("web").orElseThrow().connectionLimit()).isZero();
    assertThat(plan.status()).isEqualTo(Status.ERROR);
    assertThat(plan.findings())
        .anyMatch(f -> f.code().equals("limit-below-one") && f.app().orElse("").equals("web"));
  }

  @Test
  void rdsProxyAtFullShareBesideDirectAppsPassesTheBudget() {
    // proxy floor(100 × 100 / 100) = 100 > budget 85 and > usable 97: error;
    // direct api: remaining 85 − 100 = −15, floor(−15 / 1) = −15
    Plan plan =
        plan(
            DB_100,
            List.of(Pooler.rdsProxy("proxy", 100)),
            fixed("web", 4, 5).withVia("proxy"),
            app("api", 1));

    PoolerPlan p = plan.poolers().get(0);
    assertThat(p.clientCapacity()).isEmpty();
    assertThat(p.clientBudget()).isEmpty();
    assertThat(p.clientConnections()).isEqualTo(20);
    assertThat(p.status()).isEqualTo(Status.OK);
    assertThat(plan.status()).isEqualTo(Status.ERROR);
    assertThat(plan.findings()).anyMatch(f -> f.code().equals("proxy-takes-everything"));
  }

  @Test
  void anUnusedPoolerStillTakesItsServerConnections() {
    // budget 85 − supavisor 2 pairs × 15 = 30 → 55 for web's 5 instances: 11 each
    Plan plan = plan(DB_100, List.of(Pooler.supavisor("s", 15, 200).withPairs(2)), app("web", 5));

    assertThat(plan.app("web").orElseThrow().connectionLimit()).isEqualTo(11);
    assertThat(plan.totalConnections()).isEqualTo(85);
    assertThat(plan.findings()).anyMatch(f -> f.code().equals("pooler-unused"));
  }

  @Test
  void thePlanStatusIsTheWorstOfTheServerAndEveryPooler() {
    // server: budget 85 − bouncer 20 = 65 for api (1 instance) → ok on the server;
    // pooler: 30 × 4 = 120 clients > C 100 → error
    Plan plan =
        plan(
            DB_100,
            List.of(Pooler.pgbouncer("b").withPoolMode(PoolMode.TRANSACTION)),
            fixed("web", 30, 4).withVia("b"),
            app("api", 1));

    assertThat(plan.totalConnections()).isEqualTo(85);
    assertThat(plan.poolers().get(0).status()).isEqualTo(Status.ERROR);
    assertThat(plan.status()).isEqualTo(Status.ERROR);
  }

  /**
   * One at a time: web's blue-green rollout behind the pooler adds 10 × 5 = 50 clients, admin's
   * rolling one adds 1 × 10 = 10 server connections. The server's worst moment is admin's: 2 × 10
   * steady + 10 + the pooler's 20 = 50.
   */
  @Test
  void theWorstRolloutOnTheServerIsADirectAppsEvenWhenAPooledAppSurgesMore() {
    Database db = DB_100.withRollouts(Rollouts.ONE_AT_A_TIME);
    Pooler bouncer = Pooler.pgbouncer("b").withPoolMode(PoolMode.TRANSACTION);
    Plan plan =
        plan(
            db,
            List.of(bouncer),
            fixed("web", 10, 5).withVia("b").withRollout(Rollout.of(Rollout.Strategy.BLUE_GREEN)),
            fixed("admin", 2, 10).withRollout(Rollout.rolling(Amount.count(1), Amount.count(0))));

    assertThat(plan.totalConnections()).isEqualTo(50);
    assertThat(plan.worstRollout()).map(AppPlan::name).hasValue("admin");
    assertThat(plan.steadyTotalConnections() + plan.worstRollout().get().surgeConnections())
        .isEqualTo(plan.totalConnections());
  }
}
