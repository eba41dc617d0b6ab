package dev.poolcalc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.engine.Rollout.Strategy;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RolloutTest {

  private static Amount percent(String p) {
    return Amount.percentOf(new BigDecimal(p));
  }

  @Test
  void rollingAddsSurgeRoundedUpAndTerminatingRoundedDown() {
    Rollout rollout = Rollout.rolling(percent("25"), percent("25"));

    assertThat(rollout.surgeReplicas(3)).isEqualTo(1);
    assertThat(rollout.terminatingReplicas(3)).isEqualTo(0);
    assertThat(rollout.peak(3)).isEqualTo(4);
  }

  @Test
  void zeroPercentAddsNothingOnItsSide() {
    assertThat(Rollout.rolling(percent("0"), percent("25")).peak(4)).isEqualTo(4 + 0 + 1);
    assertThat(Rollout.rolling(percent("25"), percent("0")).peak(4)).isEqualTo(4 + 1 + 0);
  }

  @Test
  void hundredPercentDoublesEachSide() {
    assertThat(Rollout.rolling(percent("100"), percent("100")).peak(3)).isEqualTo(3 + 3 + 3);
  }

  @Test
  void thirtyThreePercentOfThreeRoundsUpForSurgeAndDownForUnavailable() {
    Rollout rollout = Rollout.rolling(percent("33"), percent("33"));

    assertThat(rollout.surgeReplicas(3)).isEqualTo(1);
    assertThat(rollout.terminatingReplicas(3)).isEqualTo(0);
    assertThat(rollout.peak(3)).isEqualTo(4);
  }

  @Test
  void percentagesAreExactDecimalsNotBinaryFloatingPoint() {
    // 100 × 57% is 57 exactly; a double gives 56.99…, which floor would turn into 56.
    assertThat(Rollout.rolling(percent("57"), percent("57")).peak(100)).isEqualTo(100 + 57 + 57);
    assertThat(Rollout.rolling(percent("10.5"), percent("10.5")).peak(10)).isEqualTo(10 + 2 + 1);
  }

  @Test
  void integersAreTakenAsTheyAre() {
    assertThat(Rollout.rolling(Amount.count(2), Amount.count(1)).peak(3)).isEqualTo(3 + 2 + 1);
    assertThat(Rollout.rolling(Amount.count(5), Amount.count(0)).peak(3)).isEqualTo(3 + 5);
  }

  @Test
  void recreateStopsTheOldPodsFirstSoThePeakIsTheReplicaCount() {
    assertThat(Rollout.of(Strategy.RECREATE).peak(3)).isEqualTo(3);
  }

  @Test
  void blueGreenRunsTwoFullSets() {
    assertThat(Rollout.of(Strategy.BLUE_GREEN).peak(3)).isEqualTo(6);
  }

  @Test
  void appWithoutRolloutPlansForItsReplicas() {
    App app = App.of("web", Replicas.between(2, 6), 2);

    assertThat(app.peakReplicas()).isEqualTo(6);
    assertThat(app.instances()).isEqualTo(12);
  }

  @Test
  void rolloutOfAnAutoscalingAppStartsFromItsMaximum() {
    App app = App.of("api", Replicas.between(2, 8), 1).withRollout(Rollout.of(Strategy.ROLLING));

    assertThat(app.steadyReplicas()).isEqualTo(8);
    assertThat(app.peakReplicas()).isEqualTo(8 + 2 + 2);
  }

  @Test
  void stepsReadAsWritten() {
    assertThat(percent("25").toString()).isEqualTo("25%");
    assertThat(Amount.count(1).toString()).isEqualTo("1");
  }
}
