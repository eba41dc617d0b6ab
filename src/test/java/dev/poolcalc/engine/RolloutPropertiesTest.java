package dev.poolcalc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.engine.Rollout.Strategy;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RolloutPropertiesTest {

  @Property(tries = 500)
  void addingARolloutNeverLowersPeakReplicas(
      @ForAll @IntRange(min = 1, max = 500) int replicas, @ForAll("rollouts") Rollout rollout) {
    App app = App.of("web", Replicas.fixed(replicas), 1);

    assertThat(app.withRollout(rollout).peakReplicas()).isGreaterThanOrEqualTo(app.peakReplicas());
  }

  @Property(tries = 300)
  void addingARolloutNeverLowersAPlansInstances(
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 20) Integer> replicas,
      @ForAll("rollouts") Rollout rollout) {
    Plan without = Sizing.plan(deployment(replicas, null));
    Plan with = Sizing.plan(deployment(replicas, rollout));

    assertThat(with.totalInstances()).isGreaterThanOrEqualTo(without.totalInstances());
  }

  @Property(tries = 300)
  void recreateEqualsNoRollout(
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 20) Integer> replicas) {
    Plan without = Sizing.plan(deployment(replicas, null));
    Plan recreate = Sizing.plan(deployment(replicas, Rollout.of(Strategy.RECREATE)));

    assertThat(recreate.totalInstances()).isEqualTo(without.totalInstances());
    assertThat(recreate.totalConnections()).isEqualTo(without.totalConnections());
    assertThat(recreate.status()).isEqualTo(without.status());
    assertThat(recreate.apps())
        .extracting(AppPlan::connectionLimit)
        .containsExactlyElementsOf(without.apps().stream().map(AppPlan::connectionLimit).toList());
  }

  private static Deployment deployment(List<Integer> replicas, Rollout rollout) {
    List<App> apps = new java.util.ArrayList<>();
    for (int i = 0; i < replicas.size(); i++) {
      App app = App.of("app-" + i, Replicas.fixed(replicas.get(i)), 1);
      apps.add(rollout == null ? app : app.withRollout(rollout));
    }
    return new Deployment(Database.of(500, Amount.count(50)), apps);
  }

  @Provide
  Arbitrary<Rollout> rollouts() {
    Arbitrary<Amount> steps =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 20).map(Amount::count),
            Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, BigDecimal.valueOf(100))
                .ofScale(1)
                .map(Amount::percentOf));
    return Combinators.combine(Arbitraries.of(Strategy.class), steps, steps).as(Rollout::new);
  }
}
