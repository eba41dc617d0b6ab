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

  @Property
  void statusFollowsDesignRules(@ForAll("deployments") Deployment deployment) {
    Plan plan = Sizing.plan(deployment);
    boolean belowOne = plan.apps().stream().anyMatch(a -> a.connectionLimit() < 1);
    Status expected =
        belowOne || plan.totalConnections() > plan.budget().usable()
            ? Status.ERROR
            : plan.totalConnections() > plan.budget().budget() ? Status.WARNING : Status.OK;

    assertThat(plan.status()).isEqualTo(expected);
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
    return deploymentsWith(Arbitraries.of(Kind.values()));
  }

  @Provide
  Arbitrary<Deployment> equalDeployments() {
    return deploymentsWith(Arbitraries.of(Kind.FREE, Kind.FIXED));
  }

  @Provide
  Arbitrary<Deployment> weightedDeployments() {
    return deploymentsWith(Arbitraries.of(Kind.WEIGHTED, Kind.FIXED));
  }

  private enum Kind {
    FREE,
    FIXED,
    WEIGHTED
  }

  private static Arbitrary<Deployment> deploymentsWith(Arbitrary<Kind> kinds) {
    Arbitrary<Database> databases =
        Combinators.combine(
                Arbitraries.integers().between(10, 5_000),
                Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(50, 100))
            .as(
                (max, reservePercent, headroom) ->
                    Database.of(max, Amount.percentOf(BigDecimal.valueOf(reservePercent)))
                        .withHeadroom(BigDecimal.valueOf(headroom, 2)));
    Arbitrary<App> apps =
        Combinators.combine(
                kinds,
                Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(1, 60),
                Arbitraries.integers().between(1, 400))
            .as(
                (kind, replicas, processes, limit, weightHundredths) -> {
                  App app = App.of("app", Replicas.fixed(replicas), processes);
                  return switch (kind) {
                    case FREE -> app;
                    case FIXED -> app.withConnectionLimit(limit);
                    case WEIGHTED -> app.withWeight(BigDecimal.valueOf(weightHundredths, 2));
                  };
                });
    return Combinators.combine(databases, apps.list().ofMinSize(1).ofMaxSize(8))
        .as(
            (db, list) -> {
              List<App> named = new ArrayList<>();
              for (int i = 0; i < list.size(); i++) {
                App a = list.get(i);
                named.add(
                    new App(
                        "app-" + i,
                        a.replicas(),
                        a.processes(),
                        a.connectionLimit(),
                        a.weight(),
                        a.poolTimeout(),
                        a.connectTimeout()));
              }
              return new Deployment(db, named);
            });
  }
}
