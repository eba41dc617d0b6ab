package dev.poolcalc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the engine over generated deployments. */
class SizingProperties {

  @Property
  void okPlansNeverExceedTheBudget(@ForAll("deployments") Deployment deployment) {
    Plan plan = Sizing.plan(deployment);

    if (plan.status() == Status.OK) {
      assertThat(plan.totalConnections()).isLessThanOrEqualTo(plan.budget().budget());
      assertThat(plan.apps()).allSatisfy(a -> assertThat(a.connectionLimit()).isPositive());
    }
  }

  /**
   * The status against a model of the server worked out here in integers from the raw inputs, not
   * from {@code Budget} or {@code Sizing}: ordinary roles get max − 3 superuser-reserved slots
   * (PostgreSQL's default), the reserve is ceil(max × r / 100), the budget is min(max − reserve,
   * floor(max × h / 100)), and each app opens replicas × processes × its limit.
   */
  @Property
  void statusAgreesWithAnIntegerModelOfTheServer(@ForAll("cases") Case c) {
    Plan plan = Sizing.plan(c.deployment());
    long slots = c.max() - 3;
    long total = 0;
    boolean belowOne = false;
    for (int i = 0; i < c.apps().size(); i++) {
      AppInput in = c.apps().get(i);
      long limit = plan.app("app-" + i).orElseThrow().connectionLimit();
      belowOne |= limit < 1;
      total += (long) in.replicas() * in.processes() * limit;
    }

    assertThat(plan.totalConnections()).isEqualTo(total);
    Status expected =
        belowOne || total > slots ? Status.ERROR : total > c.budget() ? Status.WARNING : Status.OK;
    assertThat(plan.status()).isEqualTo(expected);
  }

  /**
   * With no fixed or weighted app, every pool gets floor(budget / instances), the budget again
   * worked out in integers from the raw inputs (DESIGN's floor(min((max − reserve) / I, max × h /
   * I)) equals floor(min(max − reserve, floor(max × h)) / I) for a whole I).
   */
  @Property
  void anEqualSplitGivesEveryPoolTheBudgetOverTheInstances(@ForAll("freeCases") Case c) {
    Plan plan = Sizing.plan(c.deployment());
    long instances = c.apps().stream().mapToLong(a -> (long) a.replicas() * a.processes()).sum();

    assertThat(plan.apps())
        .allSatisfy(a -> assertThat(a.connectionLimit()).isEqualTo(c.budget() / instances));
  }

  @Property
  void equalSplitIsFloorFair(@ForAll("equalDeployments") Deployment deployment) {
    Plan plan = Sizing.plan(deployment);
    long remaining = plan.split().remaining();
    long free = plan.split().freeInstances();

    for (AppPlan app : plan.apps()) {
      if (app.source() == LimitSource.EQUAL) {
        // Every free instance gets the same limit, and one more each would pass the budget.
        assertThat(app.connectionLimit() * free).isLessThanOrEqualTo(remaining);
        assertThat((app.connectionLimit() + 1) * free).isGreaterThan(remaining);
      }
    }
  }

  @Property
  void weightedLimitsAreProportionalWithinOne(
      @ForAll("weightedDeployments") Deployment deployment) {
    Plan plan = Sizing.plan(deployment);
    BigDecimal remaining = BigDecimal.valueOf(plan.split().remaining());
    BigDecimal w = plan.split().totalWeight();

    for (AppPlan app : plan.apps()) {
      if (app.source() == LimitSource.WEIGHTED) {
        BigDecimal exact = remaining.multiply(app.app().weight().orElse(BigDecimal.ONE));
        BigDecimal given = BigDecimal.valueOf(app.connectionLimit()).multiply(w);
        // |limit − exact share| ≤ 1, compared without division: the floor loses less than one,
        // and the leftover pass adds at most one.
        assertThat(given.subtract(exact).abs()).isLessThanOrEqualTo(w);
      }
    }
    assertThat(plan.totalConnections())
        .isLessThanOrEqualTo(plan.budget().budget() + fixedOverflow(plan));
  }

  @Property
  void weightedSplitNeverHandsOutMoreThanRemaining(
      @ForAll("weightedDeployments") Deployment deployment) {
    Plan plan = Sizing.plan(deployment);
    long given =
        plan.apps().stream()
            .filter(a -> a.source() == LimitSource.WEIGHTED)
            .mapToLong(AppPlan::totalConnections)
            .sum();

    // The leftover pass hands out at most what the floors left, so the split never overshoots.
    if (plan.split().kind() == Split.Kind.WEIGHTED) {
      assertThat(given).isLessThanOrEqualTo(plan.split().remaining());
    }
  }

  @Property
  void appOrderDoesNotChangeAnyAppsLimitInAnEqualSplit(
      @ForAll("equalDeployments") Deployment deployment, @ForAll @IntRange(max = 1000) int seed) {
    List<App> shuffled = new ArrayList<>(deployment.apps());
    Collections.shuffle(shuffled, new java.util.Random(seed));
    Plan original = Sizing.plan(deployment);
    Plan reordered = Sizing.plan(new Deployment(deployment.database(), shuffled));

    for (AppPlan app : original.apps()) {
      assertThat(reordered.app(app.name()).orElseThrow().connectionLimit())
          .isEqualTo(app.connectionLimit());
    }
    assertThat(reordered.totalConnections()).isEqualTo(original.totalConnections());
  }

  @Property
  void headroomCapIsExactDecimalFloor(
      @ForAll @IntRange(min = 1, max = 262_143) int max,
      @ForAll @IntRange(min = 1, max = 100) int hundredths) {
    BigDecimal headroom = BigDecimal.valueOf(hundredths, 2);
    Budget budget = Budget.of(Database.of(max, Amount.count(0)).withHeadroom(headroom));

    // Integer arithmetic gives the exact floor to compare with.
    assertThat(budget.headroomCap()).isEqualTo((long) max * hundredths / 100);
  }

  private static long fixedOverflow(Plan plan) {
    return Math.max(0, plan.split().fixedTotal() - plan.budget().budget());
  }

  @Provide
  Arbitrary<Deployment> deployments() {
    return casesWith(Arbitraries.of(Kind.values())).map(Case::deployment);
  }

  @Provide
  Arbitrary<Deployment> equalDeployments() {
    return casesWith(Arbitraries.of(Kind.FREE, Kind.FIXED)).map(Case::deployment);
  }

  @Provide
  Arbitrary<Deployment> weightedDeployments() {
    return casesWith(Arbitraries.of(Kind.WEIGHTED, Kind.FIXED)).map(Case::deployment);
  }

  @Provide
  Arbitrary<Case> cases() {
    return casesWith(Arbitraries.of(Kind.values()));
  }

  @Provide
  Arbitrary<Case> freeCases() {
    return casesWith(Arbitraries.of(Kind.FREE));
  }

  private enum Kind {
    FREE,
    FIXED,
    WEIGHTED
  }

  /** One app as the file would write it. */
  record AppInput(Kind kind, int replicas, int processes, int limit, int weightHundredths) {}

  /** A generated deployment's raw inputs, kept so the properties can do their own arithmetic. */
  record Case(int max, int reservePercent, int headroomHundredths, List<AppInput> apps) {

    /** min(max − ceil(max × r / 100), floor(max × h / 100)), in integers. */
    long budget() {
      long reserve = ((long) max * reservePercent + 99) / 100;
      return Math.min(max - reserve, (long) max * headroomHundredths / 100);
    }

    Deployment deployment() {
      Database db =
          Database.of(max, Amount.percentOf(BigDecimal.valueOf(reservePercent)))
              .withHeadroom(BigDecimal.valueOf(headroomHundredths, 2));
      List<App> named = new ArrayList<>();
      for (int i = 0; i < apps.size(); i++) {
        AppInput in = apps.get(i);
        App app = App.of("app-" + i, Replicas.fixed(in.replicas()), in.processes());
        named.add(
            switch (in.kind()) {
              case FREE -> app;
              case FIXED -> app.withConnectionLimit(in.limit());
              case WEIGHTED -> app.withWeight(BigDecimal.valueOf(in.weightHundredths(), 2));
            });
      }
      return new Deployment(db, named);
    }
  }

  private static Arbitrary<Case> casesWith(Arbitrary<Kind> kinds) {
    Arbitrary<AppInput> apps =
        Combinators.combine(
                kinds,
                Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(1, 60),
                Arbitraries.integers().between(1, 400))
            .as(AppInput::new);
    return Combinators.combine(
            Arbitraries.integers().between(10, 5_000),
            Arbitraries.integers().between(0, 30),
            Arbitraries.integers().between(50, 100),
            apps.list().ofMinSize(1).ofMaxSize(8))
        .as(Case::new);
  }
}
