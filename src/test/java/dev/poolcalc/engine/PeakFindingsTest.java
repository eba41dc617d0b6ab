package dev.poolcalc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeakFindingsTest {

  private static final Database SERVER = Database.of(100, Amount.count(15));

  @Test
  void surgeOverBudgetSaysTheRolloutAloneBreaksTheBudgetAndByHowMuch() {
    // Between deploys 4 × 5 + 65 = 85 fits; the rolling update's 4 + 1 + 1 = 6 pods need 30.
    App web =
        App.of("web", Replicas.fixed(4), 1)
            .withConnectionLimit(5)
            .withRollout(Rollout.of(Rollout.Strategy.ROLLING));
    App bot = App.of("bot", Replicas.fixed(1), 1).withConnectionLimit(65);

    Plan plan = Sizing.plan(new Deployment(SERVER, List.of(web, bot)));

    Finding surge = only(plan, "surge-over-budget");
    // It explains the over-budget warning; one overflow is reported once.
    assertThat(surge.severity()).isEqualTo(Severity.INFO);
    assertThat(surge.app()).contains("web");
    assertThat(surge.message())
        .contains("4 → 6 replicas add 10 connections")
        .contains("the pools open 95, 10 over the budget of 85 (85 between deploys)")
        .contains("lower max_surge or max_unavailable so the rollouts add at most 0");
  }

  @Test
  void surgeOverBudgetStaysQuietWhenThePlanIsOverEvenBetweenDeploys() {
    App web =
        App.of("web", Replicas.fixed(4), 1)
            .withConnectionLimit(30)
            .withRollout(Rollout.of(Rollout.Strategy.ROLLING));

    Plan plan = Sizing.plan(new Deployment(SERVER, List.of(web)));

    assertThat(plan.findings()).extracting(Finding::code).doesNotContain("surge-over-budget");
  }

  @Test
  void autoscaleMaxOverBudgetSaysWhatMaximumOrLimitWouldFit() {
    // 8 × 10 + 10 = 90: 5 over the budget of 85; 7 replicas (80) or a limit of 9 (82) fit.
    App api = App.of("api", Replicas.between(2, 8), 1).withConnectionLimit(10);
    App cron = App.of("cron", Replicas.fixed(1), 1).withConnectionLimit(10);

    Plan plan = Sizing.plan(new Deployment(SERVER, List.of(api, cron)));

    Finding autoscale = only(plan, "autoscale-max-over-budget");
    assertThat(autoscale.severity()).isEqualTo(Severity.INFO);
    assertThat(autoscale.app()).contains("api");
    assertThat(autoscale.message())
        .isEqualTo(
            "api autoscales up to 8 replicas: at replicas.max the pools open 90 connections, 5"
                + " over the budget of 85 (30 with it at its minimum of 2); lower replicas.max to"
                + " 7 or its connection_limit to 9");
  }

  @Test
  void pastWhatPostgresqlAllowsThePeakFindingExplainsTheOneError() {
    App api = App.of("api", Replicas.between(1, 10), 1).withConnectionLimit(10);

    Plan plan = Sizing.plan(new Deployment(SERVER, List.of(api)));

    assertThat(only(plan, "autoscale-max-over-budget").severity()).isEqualTo(Severity.INFO);
    assertThat(plan.status()).isEqualTo(Status.ERROR);
    assertThat(plan.findings())
        .filteredOn(f -> f.severity() == Severity.ERROR)
        .extracting(Finding::code)
        .containsExactly("over-usable");
  }

  @Test
  void aPlanThatFitsHasNoPeakFindings() {
    App api =
        App.of("api", Replicas.between(2, 8), 1)
            .withRollout(Rollout.of(Rollout.Strategy.BLUE_GREEN));

    Plan plan = Sizing.plan(new Deployment(SERVER, List.of(api)));

    assertThat(plan.status()).isEqualTo(Status.OK);
    assertThat(plan.findings())
        .extracting(Finding::code)
        .doesNotContain("surge-over-budget", "autoscale-max-over-budget");
  }

  private static Finding only(Plan plan, String code) {
    List<Finding> found = plan.findings().stream().filter(f -> f.code().equals(code)).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
