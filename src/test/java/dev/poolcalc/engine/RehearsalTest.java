package dev.poolcalc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RehearsalTest {

  private static final ServerSettings PG17 =
      new ServerSettings("17.11", 17, 100, 3, OptionalLong.of(0));

  @Test
  void scenarioTwoIsRefusedAtTheNinetyEighthConnectionForAnOrdinaryRole() {
    Plan plan = plan(20, 20);

    assertThat(Rehearsal.refusal(plan, probe(PG17, false, 0))).isEmpty();
    assertThat(Rehearsal.slotsForRole(probe(PG17, false, 0))).isEqualTo(97);
    assertThat(Rehearsal.predictedRefusal(plan, probe(PG17, false, 0))).hasValue(98);
    assertThat(plan.budget().usable() + 1).isEqualTo(98);
  }

  @Test
  void productionFitsWithTheReserveCheckIncluded() {
    Plan plan = plan(17, 17);

    assertThat(Rehearsal.predictedRefusal(plan, probe(PG17, false, 0))).isEmpty();
  }

  @Test
  void aSuperuserMayUseTheSuperuserSlotsSoScenarioTwoFailsOnlyAtTheReserveCheck() {
    Plan plan = plan(20, 20);

    assertThat(Rehearsal.slotsForRole(probe(PG17, true, 0))).isEqualTo(100);
    assertThat(Rehearsal.predictedRefusal(plan, probe(PG17, true, 0))).hasValue(101);
    assertThat(Rehearsal.caveats(plan, probe(PG17, true, 0)))
        .extracting(Finding::code)
        .containsExactly("superuser-rehearsal");
  }

  @Test
  void reservedConnectionsAreKeptFromRolesWithoutPgUseReservedConnections() {
    ServerSettings reserved = new ServerSettings("17.11", 17, 100, 3, OptionalLong.of(5));

    assertThat(Rehearsal.slotsForRole(probe(reserved, false, 0))).isEqualTo(92);
    Observation allowed =
        new Observation(reserved, "exchanger_db", "app", false, true, true, List.of(), 0);
    assertThat(Rehearsal.slotsForRole(allowed)).isEqualTo(97);
  }

  @Test
  void otherClientsTakeSlotsAndTooManyRefuseTheRehearsal() {
    Plan production = plan(17, 17);

    assertThat(Rehearsal.predictedRefusal(production, probe(PG17, false, 12))).hasValue(86);
    assertThat(Rehearsal.refusal(production, probe(PG17, false, 15))).isEmpty();
    Optional<String> busy = Rehearsal.refusal(production, probe(PG17, false, 16));
    assertThat(busy)
        .hasValue(
            "16 other client connections already hold slots, and with the plan's 85 that passes"
                + " max_connections 100: the rehearsal could not tell a bad plan from a busy"
                + " server; run it when at most 15 other connections are open");
  }

  @Test
  void aPlanWithALimitBelowOneIsNotRehearsed() {
    Plan starved =
        Sizing.plan(
            new Deployment(
                Database.of(10, Amount.count(5)), List.of(App.of("many", Replicas.fixed(6), 1))));

    assertThat(Rehearsal.refusal(starved, probe(PG17, false, 0)))
        .hasValue("many gets connection_limit 0: fix the plan first (see poolcalc plan)");
  }

  @Test
  void aResultIsAsPredictedOnlyWhenPostgresRefusedExactlyThere() {
    Plan plan = plan(20, 20);
    Observation probe = probe(PG17, false, 0);
    RehearsalResult.Refusal at98 =
        new RehearsalResult.Refusal(98, "exchanger-telegram", 38, "53300", "FATAL: …");
    RehearsalResult.Refusal at97 =
        new RehearsalResult.Refusal(97, "exchanger-telegram", 37, "53300", "FATAL: …");

    RehearsalResult right = result(plan, probe, Optional.of(at98), OptionalLong.of(98));
    RehearsalResult wrong = result(plan, probe, Optional.of(at97), OptionalLong.of(98));
    RehearsalResult reserveOnly =
        result(
            plan,
            probe,
            Optional.of(
                new RehearsalResult.Refusal(
                    101, Rehearsal.RESERVE_APPLICATION_NAME, 1, "53300", "x")),
            OptionalLong.of(101));

    assertThat(right.asPredicted()).isTrue();
    assertThat(right.held()).isFalse();
    assertThat(right.onlyReserveRefused()).isFalse();
    assertThat(wrong.asPredicted()).isFalse();
    assertThat(reserveOnly.onlyReserveRefused()).isTrue();
    assertThat(result(plan, probe, Optional.empty(), OptionalLong.empty()).held()).isTrue();
  }

  @Test
  void aPlannedConnectionEndedDuringTheHoldMeansThePlanDidNotHold() {
    Plan plan = plan(20, 20);
    Observation probe = probe(PG17, false, 0);
    RehearsalResult ended =
        new RehearsalResult(
            plan,
            probe,
            List.of(),
            List.of(
                new RehearsalResult.Ended("exchanger-web", 2, "FATAL: …"),
                new RehearsalResult.Ended("exchanger-telegram", 1, "FATAL: …")),
            Optional.empty(),
            OptionalLong.empty());

    assertThat(ended.held()).isFalse();
    assertThat(ended.totalEnded()).isEqualTo(3);
    assertThat(ended.onlyReserveRefused()).isFalse();
    assertThat(result(plan, probe, Optional.empty(), OptionalLong.empty()).totalEnded()).isZero();
  }

  private static RehearsalResult result(
      Plan plan,
      Observation probe,
      Optional<RehearsalResult.Refusal> refusal,
      OptionalLong predicted) {
    return new RehearsalResult(plan, probe, List.of(), List.of(), refusal, predicted);
  }

  /** 3 web and 2 bot replicas with these fixed limits on max_connections 100, reserve 15. */
  private static Plan plan(long webLimit, long botLimit) {
    return Sizing.plan(
        new Deployment(
            Database.of(100, Amount.count(15)),
            List.of(
                App.of("exchanger-web", Replicas.fixed(3), 1).withConnectionLimit(webLimit),
                App.of("exchanger-telegram", Replicas.fixed(2), 1).withConnectionLimit(botLimit))));
  }

  private static Observation probe(ServerSettings server, boolean superuser, long others) {
    return new Observation(
        server,
        "exchanger_db",
        superuser ? "postgres" : "app",
        superuser,
        superuser,
        superuser,
        others == 0 ? List.of() : List.of(new SessionGroup("pgAdmin", 0, others, 0, 0, 0)),
        0);
  }
}
