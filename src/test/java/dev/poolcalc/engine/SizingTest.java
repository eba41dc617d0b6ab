package dev.poolcalc.engine;

import static dev.poolcalc.engine.Deployments.app;
import static dev.poolcalc.engine.Deployments.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SizingTest {

  private static Deployment deployment(Database db, App... apps) {
    return new Deployment(db, List.of(apps));
  }

  @Test
  void equalSplitUsesWholeBudgetFloor() {
    Plan plan = Sizing.plan(Deployments.of(100, 15, app("a", 4), app("b", 3)));

    // floor(85 / 7) = 12; 7 × 12 = 84, one connection stays unassigned.
    assertThat(plan.apps()).extracting(AppPlan::connectionLimit).containsExactly(12L, 12L);
    assertThat(plan.totalConnections()).isEqualTo(84);
    assertThat(plan.split().kind()).isEqualTo(Split.Kind.EQUAL);
  }

  @Test
  void percentReserveRoundsUp() {
    Database db = Database.of(101, Amount.percentOf(new BigDecimal("15")));
    Budget budget = Budget.of(db);

    // 101 × 15 / 100 = 15.15 → 16 kept back.
    assertThat(budget.reserve()).isEqualTo(16);
    assertThat(budget.afterReserve()).isEqualTo(85);
  }

  @Test
  void budgetIsTheSmallerOfReserveAndHeadroom() {
    Database reserveBinds = Database.of(100, Amount.count(20));
    Database headroomBinds = Database.of(100, Amount.count(5));

    assertThat(Budget.of(reserveBinds).budget()).isEqualTo(80);
    assertThat(Budget.of(reserveBinds).headroomBinds()).isFalse();
    assertThat(Budget.of(headroomBinds).budget()).isEqualTo(85);
    assertThat(Budget.of(headroomBinds).headroomBinds()).isTrue();
  }

  @Test
  void headroomIsExactDecimalArithmetic() {
    // In binary floating point 100 × 0.57 is 56.99999…, which floors to 56.
    Database db = Database.of(100, Amount.count(0)).withHeadroom(new BigDecimal("0.57"));

    assertThat(Budget.of(db).headroomCap()).isEqualTo(57);
  }

  @Test
  void usableSubtractsPostgresReservedSlots() {
    Database db =
        new Database(
            Optional.empty(), 100, Amount.count(15), BigDecimal.ONE, 5, 10, Optional.empty());

    assertThat(Budget.of(db).usable()).isEqualTo(85);
  }

  @Test
  void autoscalingRangeIsPlannedAtItsMaximum() {
    App api = App.of("api", Replicas.between(2, 6), 2);
    Plan plan = Sizing.plan(Deployments.of(100, 16, api));

    assertThat(plan.apps().get(0).instances()).isEqualTo(12);
    assertThat(plan.apps().get(0).connectionLimit()).isEqualTo(7); // floor(84 / 12)
  }

  @Test
  void fixedAppsComeOffTheBudgetBeforeTheSplit() {
    Plan plan = Sizing.plan(Deployments.of(100, 15, fixed("cron", 1, 5), app("web", 4)));

    assertThat(plan.split().remaining()).isEqualTo(80);
    assertThat(plan.app("web").orElseThrow().connectionLimit()).isEqualTo(20);
    assertThat(plan.totalConnections()).isEqualTo(85);
  }

  @Test
  void weightedSplitFloorsThenHandsOutLeftoverByLargestLostFraction() {
    // remaining 85, W = 2 × 3 + 1 × 2 = 8: web floor(170 / 8) = 21 (lost 2/8),
    // bot floor(85 / 8) = 10 (lost 5/8). Leftover 85 − 63 − 20 = 2: bot first (2 instances fit).
    Plan plan =
        Sizing.plan(
            Deployments.of(
                100, 15, app("web", 3).withWeight(BigDecimal.valueOf(2)), app("bot", 2)));

    assertThat(plan.split().kind()).isEqualTo(Split.Kind.WEIGHTED);
    assertThat(plan.split().totalWeight()).isEqualByComparingTo("8");
    assertThat(plan.split().leftover()).isEqualTo(2);
    assertThat(plan.app("web").orElseThrow().connectionLimit()).isEqualTo(21);
    assertThat(plan.app("bot").orElseThrow().connectionLimit()).isEqualTo(11);
    assertThat(plan.app("bot").orElseThrow().leftoverBonus()).isEqualTo(1);
    assertThat(plan.totalConnections()).isEqualTo(85);
  }

  @Test
  void leftoverSkipsAnAppWhoseInstancesDoNotFitAndTriesTheNext() {
    // remaining 85, W = 1 × 10 + 1 × 1 = 11: both floor(85 / 11) = 7, lost 8/11 each.
    // Leftover 85 − 77 = 8: big (10 instances) does not fit, small (1) does.
    Plan plan =
        Sizing.plan(
            Deployments.of(100, 15, app("big", 10).withWeight(BigDecimal.ONE), app("small", 1)));

    assertThat(plan.app("big").orElseThrow().connectionLimit()).isEqualTo(7);
    assertThat(plan.app("small").orElseThrow().connectionLimit()).isEqualTo(8);
  }

  @Test
  void leftoverTiesGoInFileOrder() {
    // remaining 85, W = 3: each floor(85 / 3) = 28, lost 1/3 each; leftover 1 goes to "first".
    Plan plan =
        Sizing.plan(
            Deployments.of(
                100,
                15,
                app("first", 1).withWeight(BigDecimal.ONE),
                app("second", 1).withWeight(BigDecimal.ONE),
                app("third", 1).withWeight(BigDecimal.ONE)));

    assertThat(plan.apps()).extracting(AppPlan::connectionLimit).containsExactly(29L, 28L, 28L);
  }

  @Test
  void decimalWeightsAreExact() {
    // W = 0.1 + 0.2 = 0.3 exactly; 0.2 / 0.3 of 90 is 60, not 59.999….
    Plan plan =
        Sizing.plan(
            deployment(
                Database.of(100, Amount.count(10)).withHeadroom(BigDecimal.ONE),
                app("a", 1).withWeight(new BigDecimal("0.1")),
                app("b", 1).withWeight(new BigDecimal("0.2"))));

    assertThat(plan.apps()).extracting(AppPlan::connectionLimit).containsExactly(30L, 60L);
  }

  @Test
  void overBudgetButWithinUsableIsAWarning() {
    Plan plan = Sizing.plan(Deployments.of(100, 15, fixed("web", 3, 30)));

    assertThat(plan.totalConnections()).isEqualTo(90);
    assertThat(plan.status()).isEqualTo(Status.WARNING);
    assertThat(plan.findings()).extracting(Finding::code).containsExactly("over-budget");
  }

  @Test
  void overUsableIsAnError() {
    Plan plan = Sizing.plan(Deployments.of(100, 15, fixed("web", 1, 98)));

    assertThat(plan.status()).isEqualTo(Status.ERROR);
    assertThat(plan.findings()).extracting(Finding::code).contains("over-usable");
  }

  @Test
  void totalExactlyAtBudgetIsOk() {
    Plan plan = Sizing.plan(Deployments.of(100, 15, fixed("web", 5, 17)));

    assertThat(plan.status()).isEqualTo(Status.OK);
  }

  @Test
  void moreInstancesThanBudgetGiveLimitBelowOne() {
    Plan plan = Sizing.plan(Deployments.of(10, 0, app("swarm", 20)));

    // budget floor(10 × 0.85) = 8 over 20 instances.
    assertThat(plan.apps().get(0).connectionLimit()).isZero();
    assertThat(plan.status()).isEqualTo(Status.ERROR);
    assertThat(plan.findings())
        .filteredOn(f -> f.code().equals("limit-below-one"))
        .singleElement()
        .satisfies(f -> assertThat(f.app()).contains("swarm"));
  }

  @Test
  void fixedAppsThatEatTheBudgetLeaveNegativeLimitsAndAnError() {
    Plan plan = Sizing.plan(Deployments.of(100, 15, fixed("hog", 1, 90), app("web", 2)));

    // remaining 85 − 90 = −5; floor(−5 / 2) = −3, the seed's formula taken literally.
    assertThat(plan.app("web").orElseThrow().connectionLimit()).isEqualTo(-3);
    assertThat(plan.status()).isEqualTo(Status.ERROR);
  }

  @Test
  void noReserveAndFullHeadroomIsReported() {
    Database db = Database.of(100, Amount.count(0)).withHeadroom(BigDecimal.ONE);
    Plan plan = Sizing.plan(deployment(db, fixed("web", 1, 10)));

    assertThat(plan.findings()).extracting(Finding::code).contains("no-reserve");
  }

  @Test
  void onlyFixedAppsNeedNoSplit() {
    Plan plan = Sizing.plan(Deployments.of(100, 15, fixed("web", 1, 10)));

    assertThat(plan.split().kind()).isEqualTo(Split.Kind.NONE);
  }

  @Test
  void hugeNumbersFailLoudlyInsteadOfOverflowing() {
    App huge = App.of("huge", Replicas.fixed(Long.MAX_VALUE / 2), 4);

    assertThatThrownBy(() -> Sizing.plan(Deployments.of(100, 0, huge)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void recordsRejectImpossibleValues() {
    assertThatThrownBy(() -> Replicas.between(3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> App.of("x", Replicas.fixed(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> app("x", 1).withConnectionLimit(3).withWeight(BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Database.of(100, Amount.count(0)).withHeadroom(BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
