package dev.poolcalc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Water-filling under max_connection_limit and the one-at-a-time peak, on cases worked out by hand
 * in each test's comment (DESIGN "Sizing for what really happens").
 */
class CapsAndRolloutsTest {

  private static final long BUDGET = 85; // max_connections 100, reserve 15

  private static App app(String name, long replicas) {
    return App.of(name, Replicas.fixed(replicas), 1);
  }

  private static long[] limits(Allocation a) {
    return a.shares().stream().mapToLong(Allocation.Share::limit).toArray();
  }

  /**
   * web 3, bot 2 (cap 5), worker 1 (cap 30). Round 1: floor(85 / 6) = 14; bot's cap 5 < 14, so bot
   * is held at 5. Round 2: remaining 85 − 2 × 5 = 75 over 4 instances: 18; worker's cap 30 ≥ 18.
   * Total 3 × 18 + 2 × 5 + 18 = 82; 3 of the budget stay unallocated.
   */
  @Test
  void aCapBelowTheShareHoldsTheAppAndTheOthersShareTheRest() {
    Plan plan =
        Sizing.plan(
            Deployments.of(
                100,
                15,
                app("web", 3),
                app("bot", 2).withMaxConnectionLimit(5),
                app("worker", 1).withMaxConnectionLimit(30)));

    assertThat(plan.apps()).extracting(AppPlan::connectionLimit).containsExactly(18L, 5L, 18L);
    assertThat(plan.apps())
        .extracting(AppPlan::source)
        .containsExactly(LimitSource.EQUAL, LimitSource.CAPPED, LimitSource.EQUAL);
    assertThat(plan.totalConnections()).isEqualTo(82);
    assertThat(plan.unallocatedConnections()).isEqualTo(3);
    assertThat(plan.split().remaining()).isEqualTo(75);
    assertThat(plan.split().freeInstances()).isEqualTo(4);
  }

  /**
   * a (cap 10), b (cap 30), c, one replica each. Round 1: floor(85 / 3) = 28: a held at 10. Round
   * 2: 75 / 2 = 37: b's 30 is now below, held. Round 3: c gets 85 − 10 − 30 = 45.
   */
  @Test
  void waterFillingRepeatsUntilNoCapIsBelowTheShare() {
    Allocation a =
        Splitter.divide(
            List.of(
                app("a", 1).withMaxConnectionLimit(10),
                app("b", 1).withMaxConnectionLimit(30),
                app("c", 1)),
            BUDGET);

    assertThat(limits(a)).containsExactly(10, 30, 45);
  }

  /** Both capped at 10 below floor(85 / 2) = 42: 20 used, 65 of the budget nobody can use. */
  @Test
  void whatNobodyCanUseStaysUnallocated() {
    Plan plan =
        Sizing.plan(
            Deployments.of(
                100,
                15,
                app("a", 1).withMaxConnectionLimit(10),
                app("b", 1).withMaxConnectionLimit(10)));

    assertThat(plan.apps()).extracting(AppPlan::connectionLimit).containsExactly(10L, 10L);
    assertThat(plan.split().kind()).isEqualTo(Split.Kind.NONE);
    assertThat(plan.totalConnections()).isEqualTo(20);
    assertThat(plan.unallocatedConnections()).isEqualTo(65);
    assertThat(plan.status()).isEqualTo(Status.OK);
  }

  /**
   * a weight 1 × 2 replicas, b weight 2 × 1 replica: W = 4; a = floor(85 / 4) = 21, b = floor(170 /
   * 4) = 42, leftover 85 − 42 − 42 = 1. Uncapped, b (lost 170 − 168 = 2, more than a's 1) gets the
   * +1: 43. With b's cap at 42 (not below its share 42) the +1 would pass the cap, and a's 2
   * instances do not fit in 1: 21 and 42, total 84.
   */
  @Test
  void theLeftoverPassNeverPassesACap() {
    App a = app("a", 2).withWeight(BigDecimal.ONE);
    App b = app("b", 1).withWeight(BigDecimal.valueOf(2));

    assertThat(limits(Splitter.divide(List.of(a, b), BUDGET))).containsExactly(21, 43);
    assertThat(limits(Splitter.divide(List.of(a, b.withMaxConnectionLimit(42)), BUDGET)))
        .containsExactly(21, 42);
  }

  private static App rollingByOne(String name, long replicas) {
    return app(name, replicas).withRollout(Rollout.rolling(Amount.count(1), Amount.count(0)));
  }

  private static App blueGreen(String name, long replicas) {
    return app(name, replicas).withRollout(Rollout.of(Rollout.Strategy.BLUE_GREEN));
  }

  /**
   * web 3 rolling by one (steady 3, surge 1), bot 2 (steady 2, surge 0), worker 2 blue-green
   * (steady 2, surge 2). All at once: 4 + 2 + 4 = 10 instances, floor(85 / 10) = 8, total 80. One
   * at a time: floor(85 / (3 + 2 + 2 + max(1, 0, 2))) = floor(85 / 9) = 9; peak total = 7 × 9 +
   * max(1 × 9, 0, 2 × 9) = 63 + 18 = 81 while the worker rolls out; the apps' own totals stay
   * instances × limit: 36, 18, 36.
   */
  @Test
  void oneAtATimeLeavesRoomForTheLargestSurgeOnly() {
    Deployment all =
        Deployments.of(100, 15, rollingByOne("web", 3), app("bot", 2), blueGreen("worker", 2));
    Deployment one =
        new Deployment(all.database().withRollouts(Rollouts.ONE_AT_A_TIME), all.apps());

    Plan together = Sizing.plan(all);
    Plan apart = Sizing.plan(one);

    assertThat(together.apps()).extracting(AppPlan::connectionLimit).containsOnly(8L);
    assertThat(together.totalConnections()).isEqualTo(80);
    assertThat(apart.apps()).extracting(AppPlan::connectionLimit).containsOnly(9L);
    assertThat(apart.apps()).extracting(AppPlan::totalConnections).containsExactly(36L, 18L, 36L);
    assertThat(apart.totalConnections()).isEqualTo(81);
    assertThat(apart.worstRollout().map(AppPlan::name)).contains("worker");
    assertThat(apart.split().divisor()).isEqualTo(9);
    assertThat(apart.status()).isEqualTo(Status.OK);
  }

  /**
   * web weight 2 (steady 3, surge 1), worker weight 1 (steady 2, surge 2): W = 2 × 3 + 1 × 2 +
   * max(2 × 1, 1 × 2) = 10; web = floor(170 / 10) = 17, worker = floor(85 / 10) = 8; peak = 51 + 16
   * + max(17, 16) = 84. Leftover pass: worker first (lost 85 − 80 = 5): 9 would make 51 + 18 +
   * max(17, 18) = 87 > 85; web (lost 0): 18 would make 54 + 16 + 18 = 88. Neither gets it.
   */
  @Test
  void oneAtATimeWeightedAndItsLeftoverPassJudgeThePeakTotal() {
    List<App> apps =
        List.of(
            rollingByOne("web", 3).withWeight(BigDecimal.valueOf(2)),
            blueGreen("worker", 2).withWeight(BigDecimal.ONE));

    Allocation a = Splitter.divide(apps, BUDGET, Rollouts.ONE_AT_A_TIME);

    assertThat(limits(a)).containsExactly(17, 8);
    assertThat(a.split().totalWeight()).isEqualByComparingTo("10");
    assertThat(a.split().leftover()).isEqualTo(1);
    assertThat(Rollouts.ONE_AT_A_TIME.peakTotal(apps, limits(a))).isEqualTo(84);
  }

  /**
   * A fixed blue-green app (2 replicas at 5: steady 2, surge 2) and a free app of 3. remaining = 85
   * − 2 × 5 = 75, and the split counts only free surges (none): floor(75 / 3) = 25. The peak total
   * counts every app's surge: 10 + 75 + max(2 × 5, 0) = 95, over the budget of 85, so the plan is a
   * warning, exactly as DESIGN's formulas give.
   */
  @Test
  void aFixedAppsLargestSurgeCanPushThePeakOverAndTheStatusSaysSo() {
    Deployment d =
        Deployments.of(100, 15, blueGreen("legacy", 2).withConnectionLimit(5), app("web", 3));
    Plan plan =
        Sizing.plan(new Deployment(d.database().withRollouts(Rollouts.ONE_AT_A_TIME), d.apps()));

    assertThat(plan.apps()).extracting(AppPlan::connectionLimit).containsExactly(5L, 25L);
    assertThat(plan.totalConnections()).isEqualTo(95);
    assertThat(plan.worstRollout().map(AppPlan::name)).contains("legacy");
    assertThat(plan.status()).isEqualTo(Status.WARNING);
  }

  /**
   * The leftover pass follows the rule, not a promise that one at a time is never less for anyone.
   * Budget 46; a: 1 replica rolling by 1/1 (peak 3: steady 1, surge 2), b: 1 × 2 processes (2, 0),
   * c: weight 2, 2 × 2 processes rolling by 1/1 (peak 8: steady 4, surge 4). All at once W = 3 + 2
   * + 16 = 21: 2, 2, 4, leftover 46 − 42 = 4; by lost fraction c (8, but 8 instances > 4), a (4: 3
   * instances fit, +1), b (2 > 1): 3, 2, 4. One at a time W = 1 + 2 + 8 + max(2, 0, 8) = 19: 2, 2,
   * 4, peak 2 + 4 + 16 + 16 = 38; c first (lost 92 − 76 = 16): 5 makes 2 + 4 + 20 + 20 = 46 ≤ 46,
   * +1; then a: 3 makes 47, no. So a gets 3 all at once and 2 one at a time.
   */
  @Test
  void theLeftoverPassCanMoveTheOneToAnotherAppOneAtATime() {
    Rollout byOne = Rollout.rolling(Amount.count(1), Amount.count(1));
    List<App> apps =
        List.of(
            app("a", 1).withRollout(byOne),
            App.of("b", Replicas.fixed(1), 2),
            App.of("c", Replicas.fixed(2), 2).withRollout(byOne).withWeight(BigDecimal.valueOf(2)));

    assertThat(limits(Splitter.divide(apps, 46, Rollouts.ALL_AT_ONCE))).containsExactly(3, 2, 4);
    assertThat(limits(Splitter.divide(apps, 46, Rollouts.ONE_AT_A_TIME))).containsExactly(2, 2, 5);
  }

  /** The old two-argument entry point is all at once, caps included. */
  @Test
  void theTwoArgumentDivideIsAllAtOnceWithCaps() {
    List<App> apps = List.of(blueGreen("a", 2), app("b", 1).withMaxConnectionLimit(3));

    assertThat(limits(Splitter.divide(apps, BUDGET)))
        .containsExactly(limits(Splitter.divide(apps, BUDGET, Rollouts.ALL_AT_ONCE)));
    // floor(85 / 5) = 17 > 3: b held at 3; a gets floor((85 − 3) / 4) = 20.
    assertThat(limits(Splitter.divide(apps, BUDGET))).containsExactly(20, 3);
  }
}
