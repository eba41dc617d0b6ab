package dev.poolcalc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolcalc.engine.App;
import dev.poolcalc.engine.Client;
import dev.poolcalc.engine.Rollout;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutAndClientReaderTest {

  private static final String HEAD =
      "database:\n  max_connections: 100\napps:\n  - name: web\n    replicas: 3\n";

  private static App app(String extra) throws InvalidInputException {
    return DeploymentReader.parse("d.yaml", HEAD + extra).deployment().apps().get(0);
  }

  private static List<String> problems(String extra) {
    try {
      DeploymentReader.parse("d.yaml", HEAD + extra);
    } catch (InvalidInputException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected the file to be refused");
  }

  @Test
  void withoutRolloutOrClientAnAppIsReadAsBefore() throws InvalidInputException {
    App app = app("");

    assertThat(app.rollout()).isEmpty();
    assertThat(app.client()).isEqualTo(Client.PRISMA);
    assertThat(app.peakReplicas()).isEqualTo(3);
  }

  @Test
  void readsPercentagesAndCounts() throws InvalidInputException {
    App app = app("    rollout:\n      max_surge: 25%\n      max_unavailable: 1\n");

    Rollout rollout = app.rollout().orElseThrow();
    assertThat(rollout.strategy()).isEqualTo(Rollout.Strategy.ROLLING);
    assertThat(rollout.maxSurge().toString()).isEqualTo("25%");
    assertThat(rollout.maxUnavailable().toString()).isEqualTo("1");
    assertThat(app.peakReplicas()).isEqualTo(3 + 1 + 1);
  }

  @Test
  void anEmptyRolloutIsKubernetesDefault() throws InvalidInputException {
    assertThat(app("    rollout: {}\n").rollout()).contains(Rollout.of(Rollout.Strategy.ROLLING));
  }

  @Test
  void readsStrategiesAndClients() throws InvalidInputException {
    App app = app("    client: prisma-pg\n    rollout:\n      strategy: blue-green\n");

    assertThat(app.client()).isEqualTo(Client.PRISMA_PG);
    assertThat(app.peakReplicas()).isEqualTo(6);
  }

  @Test
  void anUnknownStrategyIsRefusedAtItsValue() {
    assertThat(problems("    rollout:\n      strategy: canary\n"))
        .containsExactly(
            "d.yaml:7:17: error: apps[0].rollout.strategy must be rolling, recreate or blue-green"
                + " (got \"canary\")");
  }

  @Test
  void anUnknownClientIsRefusedWithASuggestion() {
    assertThat(problems("    client: hikaricp\n"))
        .singleElement()
        .asString()
        .startsWith("d.yaml:6:13: error: apps[0].client must be one of prisma, prisma-pg,")
        .endsWith("(got \"hikaricp\"); did you mean 'hikari'?");
  }

  @Test
  void badStepsAreRefusedWithTheirLocation() {
    assertThat(problems("    rollout:\n      max_surge: 0.5\n      max_unavailable: 150%\n"))
        .containsExactly(
            "d.yaml:7:18: error: apps[0].rollout.max_surge must be a whole number of replicas or a"
                + " percentage such as \"25%\" (got 0.5)",
            "d.yaml:8:24: error: apps[0].rollout.max_unavailable must be at most 100% (got 150%)");
  }

  @Test
  void stepsOnlyApplyToRollingUpdates() {
    assertThat(problems("    rollout:\n      strategy: recreate\n      max_surge: 1\n"))
        .containsExactly(
            "d.yaml:8:18: error: apps[0].rollout.max_surge only applies to strategy rolling;"
                + " remove it, or set strategy: rolling");
  }

  @Test
  void bothStepsZeroIsRefusedAsKubernetesDoes() {
    assertThat(problems("    rollout:\n      max_surge: 0\n      max_unavailable: 0%\n"))
        .singleElement()
        .asString()
        .startsWith(
            "d.yaml:7:18: error: apps[0].rollout.max_surge and max_unavailable cannot both be 0");
  }

  @Test
  void anUnknownRolloutKeyGetsADidYouMean() {
    assertThat(problems("    rollout:\n      maxSurge: 1\n"))
        .containsExactly(
            "d.yaml:7:7: error: unknown key apps[0].rollout.maxSurge; did you mean 'max_surge'?");
  }

  @Test
  void rolloutMustBeAMapping() {
    assertThatThrownBy(() -> app("    rollout: rolling\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("apps[0].rollout must be a mapping");
  }
}
