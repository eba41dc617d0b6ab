package dev.poolcalc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of caps, one-at-a-time rollouts and needed_limit over generated inputs. */
class CapsAndDemandProperties {

  @Property
  void aCapNeverRaisesALimitAboveIt(
      @ForAll("apps") List<App> apps, @ForAll @IntRange(min = 1, max = 2000) int budget) {
    for (Rollouts mode : Rollouts.values()) {
      Allocation a = Splitter.divide(apps, budget, mode);
      for (int i = 0; i < apps.size(); i++) {
        App app = apps.get(i);
        if (app.maxConnectionLimit().isPresent()) {
          assertThat(a.shares().get(i).limit())
              .isLessThanOrEqualTo(app.maxConnectionLimit().getAsLong());
        }
      }
    }
  }

  /**
   * Where all at once gives every app at least 1 (below that the plan is an error either way), the
   * split gives no app less one at a time: remaining grows (fixed apps count at steady_a) and the
   * divisor shrinks. This holds for the whole limit of an equal split, and for the weighted split's
   * floor; the leftover pass can hand its +1 to another app one at a time ({@code
   * CapsAndRolloutsTest.theLeftoverPassCanMoveTheOneToAnotherAppOneAtATime}).
   */
  @Property
  void oneAtATimeNeverGivesASmallerLimitThanAllAtOnce(
      @ForAll("apps") List<App> apps, @ForAll @IntRange(min = 1, max = 2000) int budget) {
    Allocation all = Splitter.divide(apps, budget, Rollouts.ALL_AT_ONCE);
    Allocation one = Splitter.divide(apps, budget, Rollouts.ONE_AT_A_TIME);
    Assume.that(all.shares().stream().allMatch(s -> s.limit() >= 1));

    for (int i = 0; i < apps.size(); i++) {
      Allocation.Share before = all.shares().get(i);
      Allocation.Share after = one.shares().get(i);
      assertThat(after.limit() - after.leftoverBonus())
          .isGreaterThanOrEqualTo(before.limit() - before.leftoverBonus());
    }
  }

  @Property
  void oneAtATimeNeverGivesASmallerLimitThanAllAtOnceInAnEqualSplit(
      @ForAll("apps") List<App> generated, @ForAll @IntRange(min = 1, max = 2000) int budget) {
    List<App> apps =
        generated.stream()
            .map(
                a ->
                    a.weight().isEmpty()
                        ? a
                        : new App(
                            a.name(),
                            a.replicas(),
                            a.processes(),
                            a.connectionLimit(),
                            java.util.Optional.empty(),
                            a.poolTimeout(),
                            a.connectTimeout(),
                            a.rollout(),
                            a.client(),
                            a.maxConnectionLimit(),
                            a.demand(),
                            a.via(),
                            a.url()))
            .toList();
    Allocation all = Splitter.divide(apps, budget, Rollouts.ALL_AT_ONCE);
    Allocation one = Splitter.divide(apps, budget, Rollouts.ONE_AT_A_TIME);
    Assume.that(all.shares().stream().allMatch(s -> s.limit() >= 1));

    for (int i = 0; i < apps.size(); i++) {
      assertThat(one.shares().get(i).limit()).isGreaterThanOrEqualTo(all.shares().get(i).limit());
    }
  }

  /** Tried by the direct formula, c = needed_limit meets the 1 % target and c − 1 does not. */
  @Property(tries = 200)
  void neededLimitIsTheSmallestPoolThatMeetsTheTarget(
      @ForAll @IntRange(min = 1, max = 2000) int rate,
      @ForAll @IntRange(min = 1, max = 500) int dbTimeMs,
      @ForAll @IntRange(min = 0, max = 100) int waitMs,
      @ForAll @IntRange(min = 1, max = 10) int replicas) {
    App app = App.of("a", Replicas.fixed(replicas), 1);
    Demand demand =
        new Demand(
            BigDecimal.valueOf(rate), BigDecimal.valueOf(dbTimeMs), BigDecimal.valueOf(waitMs));
    double a = (double) rate * dbTimeMs / 1000 / replicas;

    long needed = PoolLoad.of(app, demand, 1).neededLimit();

    assertThat(needed).isGreaterThan((long) Math.floor(a));
    assertThat(longWait(needed, a, dbTimeMs, waitMs)).isLessThanOrEqualTo(PoolLoad.TARGET);
    if (needed - 1 > a) {
      assertThat(longWait(needed - 1, a, dbTimeMs, waitMs)).isGreaterThan(PoolLoad.TARGET);
    }
  }

  private static double longWait(long c, double a, double s, double t) {
    return ErlangCTest.direct((int) c, a) * Math.exp(-(c - a) * t / s);
  }

  @Provide
  Arbitrary<List<App>> apps() {
    Arbitrary<App> app =
        Combinators.combine(
                Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 30))
            .as(
                (replicas, processes, cap, rollout, weight, fixed) -> {
                  App x = App.of("a", Replicas.fixed(replicas), processes);
                  if (fixed > 25) {
                    x = x.withConnectionLimit(fixed - 25);
                  } else if (weight > 0) {
                    x = x.withWeight(BigDecimal.valueOf(weight));
                  }
                  if (cap > 0 && !(x.isFixed() && x.connectionLimit().getAsLong() > cap)) {
                    x = x.withMaxConnectionLimit(cap);
                  }
                  return switch (rollout) {
                    case 1 -> x.withRollout(Rollout.rolling(Amount.count(1), Amount.count(1)));
                    case 2 -> x.withRollout(Rollout.of(Rollout.Strategy.BLUE_GREEN));
                    case 3 -> x.withRollout(Rollout.of(Rollout.Strategy.RECREATE));
                    default -> x;
                  };
                });
    return app.list().ofMinSize(1).ofMaxSize(5);
  }
}
