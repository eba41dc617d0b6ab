package dev.poolcalc.engine;

import static dev.poolcalc.engine.Deployments.app;
import static dev.poolcalc.engine.Deployments.fixed;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every number of the source document, reproduced by the engine. */
class SeedDocumentTest {

  @Test
  void productionExampleGivesSeventeenPerInstanceAndEightyFiveInAll() {
    Plan plan =
        Sizing.plan(Deployments.of(100, 15, app("exchanger-web", 3), app("exchanger-telegram", 2)));

    assertThat(plan.apps()).extracting(AppPlan::connectionLimit).containsExactly(17L, 17L);
    assertThat(plan.totalInstances()).isEqualTo(5);
    assertThat(plan.totalConnections()).isEqualTo(85);
    assertThat(plan.freeConnections()).isEqualTo(15);
    assertThat(plan.budget().budget()).isEqualTo(85);
    assertThat(plan.status()).isEqualTo(Status.OK);
  }

  @Test
  void scenarioOneOneReplicaEachAtTwentyUsesFortyOfHundred() {
    Plan plan = Sizing.plan(Deployments.of(100, 15, fixed("web", 1, 20), fixed("bot", 1, 20)));

    assertThat(plan.totalConnections()).isEqualTo(40);
    assertThat(plan.freeConnections()).isEqualTo(60);
    assertThat(plan.status()).isEqualTo(Status.OK);
  }

  @Test
  void scenarioTwoScaledOutAtTwentyUsesAllHundredAndPostgresRefusesTheLastThree() {
    Plan plan = Sizing.plan(Deployments.of(100, 15, fixed("web", 3, 20), fixed("bot", 2, 20)));

    assertThat(plan.apps()).extracting(AppPlan::totalConnections).containsExactly(60L, 40L);
    assertThat(plan.totalConnections()).isEqualTo(100);
    assertThat(plan.freeConnections()).isZero();
    // 100 > 97 usable (3 superuser-reserved slots): worse than "no margin".
    assertThat(plan.budget().usable()).isEqualTo(97);
    assertThat(plan.status()).isEqualTo(Status.ERROR);
    assertThat(plan.findings()).extracting(Finding::code).contains("over-usable");
  }

  @Test
  void scenarioThreeOptimizedUsesSixtyFiveAndLeavesThirtyFive() {
    Plan plan = Sizing.plan(Deployments.of(100, 15, fixed("web", 3, 15), fixed("bot", 2, 10)));

    assertThat(plan.apps()).extracting(AppPlan::totalConnections).containsExactly(45L, 20L);
    assertThat(plan.totalConnections()).isEqualTo(65);
    assertThat(plan.freeConnections()).isEqualTo(35);
    assertThat(plan.status()).isEqualTo(Status.OK);
  }

  @Test
  void ruleOfThumbAloneGivesSeventeenForFiveInstances() {
    // limit ≤ max_connections × 0.85 / instances, with no explicit reserve.
    Database db = Database.of(100, Amount.count(0)).withHeadroom(new BigDecimal("0.85"));
    Plan plan = Sizing.plan(new Deployment(db, List.of(app("web", 3), app("bot", 2))));

    assertThat(plan.budget().headroomCap()).isEqualTo(85);
    assertThat(plan.apps()).extracting(AppPlan::connectionLimit).containsOnly(17L);
    assertThat(plan.findings()).extracting(Finding::code).contains("headroom-binds");
  }

  @Test
  void developmentHotReloadIsTwentyFiveProcessesTimesFiveNotFive() {
    // The singleton is per process: 25 processes still open 25 pools.
    App dev = App.of("dev", Replicas.fixed(1), 25).withConnectionLimit(5);
    Plan plan = Sizing.plan(Deployments.of(100, 0, dev));

    assertThat(plan.apps().get(0).instances()).isEqualTo(25);
    assertThat(plan.totalConnections()).isEqualTo(125);
    assertThat(plan.status()).isEqualTo(Status.ERROR);
  }
}
