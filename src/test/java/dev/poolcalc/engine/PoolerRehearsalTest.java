package dev.poolcalc.engine;

import static dev.poolcalc.engine.Deployments.fixed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What rehearse expects through a PgBouncer, against numbers worked by hand. */
class PoolerRehearsalTest {

  private static final Database DB_100 = Database.of(100, Amount.count(15));
  private static final String URL = "postgresql://app@127.0.0.1:6432/exchanger_db";

  /** One PgBouncer in {@code mode} with a pool of {@code pool}; web's 3 × limit go through it. */
  private static Plan plan(Pooler bouncer, long webLimit) {
    return Sizing.plan(
        new Deployment(
            DB_100,
            List.of(fixed("web", 3, webLimit).withVia(bouncer.name()), fixed("admin", 1, 2)),
            List.of(bouncer)));
  }

  private static Pooler bouncer(PoolMode mode, long pool, long maxClientConn) {
    return Pooler.pgbouncer("bouncer")
        .withPoolMode(mode)
        .withPgbouncerPools(pool, 0, 0)
        .withMaxClientConn(maxClientConn)
        .withUrl(URL);
  }

  @Test
  void transactionModeClientsTakeTurnsOnThePoolInWaves() {
    PoolerPlan p = plan(bouncer(PoolMode.TRANSACTION, 2, 8), 2).poolers().get(0);

    // 3 × 2 = 6 clients on 1 × 1 × (2 + 0) = 2 server connections
    assertThat(p.clientConnections()).isEqualTo(6);
    assertThat(PoolerRehearsal.expectedServerPeak(p)).isEqualTo(2);
    assertThat(PoolerRehearsal.exact(p)).isTrue();
    // ceil(6 / 2) = 3 waves of 1 s, + 2 s
    assertThat(PoolerRehearsal.queryWindowMillis(p, 1000)).isEqualTo(5000);
    // 8 + 1 − 6 = 3: the last is client 9
    assertThat(PoolerRehearsal.probeConnections(p)).hasValue(3);
  }

  @Test
  void sessionModeServesOneWaveAndTheRestWait() {
    PoolerPlan p = plan(bouncer(PoolMode.SESSION, 2, 5), 1).poolers().get(0);

    assertThat(PoolerRehearsal.expectedServerPeak(p)).isEqualTo(2);
    assertThat(PoolerRehearsal.queryWindowMillis(p, 1000)).isEqualTo(3000);
    assertThat(PoolerRehearsal.probeConnections(p)).hasValue(3);
  }

  @Test
  void fewerClientsThanThePoolShowAsManyServerConnections() {
    PoolerPlan p = plan(bouncer(PoolMode.TRANSACTION, 20, 100), 1).poolers().get(0);

    assertThat(PoolerRehearsal.expectedServerPeak(p)).isEqualTo(3);
    assertThat(PoolerRehearsal.queryWindowMillis(p, 1000)).isEqualTo(3000);
  }

  @Test
  void aProbeOfTenThousandAndOneClientsIsSkippedWithTheReason() {
    PoolerPlan p = plan(bouncer(PoolMode.TRANSACTION, 20, 10_000), 2).poolers().get(0);

    assertThat(PoolerRehearsal.probeConnections(p)).isEmpty();
    assertThat(PoolerRehearsal.probeSkipped(p))
        .hasValue(
            "max_client_conn + 1 = 10001 would take 9995 client connections beyond the plan's 6,"
                + " more than the 500 rehearse opens for the probe");
    // 500 more is still tried: max_client_conn 505 − 6 + 1 = 500
    PoolerPlan edge = plan(bouncer(PoolMode.TRANSACTION, 20, 505), 2).poolers().get(0);
    assertThat(PoolerRehearsal.probeConnections(edge)).hasValue(500);
  }

  @Test
  void severalProcessesBehindOneAddressMakeTheProbeAndThePeakUnsure() {
    PoolerPlan p = plan(bouncer(PoolMode.TRANSACTION, 2, 8).withReplicas(2), 2).poolers().get(0);

    assertThat(PoolerRehearsal.exact(p)).isFalse();
    // min(6 clients, 2 × 2 = 4)
    assertThat(PoolerRehearsal.expectedServerPeak(p)).isEqualTo(4);
    assertThat(PoolerRehearsal.probeSkipped(p).orElseThrow())
        .startsWith("bouncer runs 2 processes behind one address");
  }

  @Test
  void plannedClientsPastCapacityLeaveNothingToProbe() {
    PoolerPlan p = plan(bouncer(PoolMode.TRANSACTION, 2, 5), 2).poolers().get(0);

    assertThat(PoolerRehearsal.probeSkipped(p))
        .hasValue("the plan's 6 client connections already pass max_client_conn 5");
  }

  @Test
  void onlyPgbouncerWithAnAddressIsRehearsed() {
    Pooler noUrl = Pooler.pgbouncer("bouncer").withPoolMode(PoolMode.TRANSACTION);
    assertThat(PoolerRehearsal.refusal(plan(noUrl, 1).poolers().get(0)))
        .hasValue(
            "web connects via bouncer, which has no url: set the pooler's url (its host:port) so"
                + " that rehearse can go through it");
    Plan ownUrl =
        Sizing.plan(
            new Deployment(
                DB_100,
                List.of(fixed("web", 1, 1).withVia("bouncer").withUrl(URL)),
                List.of(noUrl)));
    assertThat(PoolerRehearsal.refusal(ownUrl.poolers().get(0))).isEmpty();
    Plan supavisor =
        Sizing.plan(
            new Deployment(
                DB_100,
                List.of(fixed("web", 1, 1).withVia("s")),
                List.of(Pooler.supavisor("s", 10, 100).withUrl(URL))));
    assertThat(PoolerRehearsal.refusal(supavisor.poolers().get(0)).orElseThrow())
        .startsWith("pooler s is supavisor, and rehearse goes only through PgBouncer");
  }

  @Test
  void theReserveCheckComesAfterThePoolersServerConnections() {
    Plan plan = plan(bouncer(PoolMode.TRANSACTION, 2, 8), 2);
    ServerSettings pg17 = new ServerSettings("17.11", 17, 100, 3, OptionalLong.of(0));

    // 97 slots: admin's 2, the pool's 2 and the reserve's 1 fit
    assertThat(Rehearsal.predictedRefusal(plan, probe(pg17, 0))).isEmpty();
    // 97 − 93 = 4 slots: admin's 2 and the pool's 2 take them, so the reserve (3rd direct) fails
    assertThat(Rehearsal.predictedRefusal(plan, probe(pg17, 93))).hasValue(3);
    // 1 slot: admin's 2nd connection fails
    assertThat(Rehearsal.predictedRefusal(plan, probe(pg17, 96))).hasValue(2);
    assertThat(Rehearsal.directConnections(plan)).isEqualTo(2);
  }

  private static Observation probe(ServerSettings server, long others) {
    return new Observation(
        server,
        "exchanger_db",
        "app",
        false,
        false,
        false,
        others == 0 ? List.of() : List.of(new SessionGroup("other", 0, others, 0, 0, 0)),
        0);
  }
}
