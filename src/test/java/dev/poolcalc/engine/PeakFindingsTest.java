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

  /**
   * web (4 replicas × 5, rolling 4 → 6: +10), api (4 × 2, rolling 4 → 6: +4) and bot (1 × 53): 20 +
   * 8 + 53 = 81 between deploys, within the budget of 85.
   */
  private static Plan twoRollouts(Rollouts mode) {
    App web =
        App.of("web", Replicas.fixed(4), 1)
            .withConnectionLimit(5)
            .withRollout(Rollout.of(Rollout.Strategy.ROLLING));
    App api =
        App.of("api", Replicas.fixed(4), 1)
            .withConnectionLimit(2)
            .withRollout(Rollout.of(Rollout.Strategy.ROLLING));
    App bot = App.of("bot", Replicas.fixed(1), 1).withConnectionLimit(53);
    return Sizing.plan(new Deployment(SERVER.withRollouts(mode), List.of(web, api, bot)));
  }

  @Test
  void allAtOnceTheSurgeIsEveryRolloutAtItsPeakTogether() {
    // 81 + 10 + 4 = 95, 10 over: both rollouts are part of the moment, so both are named.
    Plan plan = twoRollouts(Rollouts.ALL_AT_ONCE);

    assertThat(plan.findings())
        .filteredOn(f -> f.code().equals("surge-over-budget"))
        .extracting(f -> f.app().orElseThrow(), Finding::message)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(
                "web",
                "web fits at steady state but not during its rolling update: 4 → 6 replicas add 10"
                    + " connections, and with every rollout at its peak the pools open 95, 10 over"
                    + " the budget of 85 (81 between deploys); lower max_surge or max_unavailable"
                    + " so the rollouts add at most 4, or lower web's connection_limit"),
            org.assertj.core.api.Assertions.tuple(
                "api",
                "api fits at steady state but not during its rolling update: 4 → 6 replicas add 4"
                    + " connections, and with every rollout at its peak the pools open 95, 10 over"
                    + " the budget of 85 (81 between deploys); lower max_surge or max_unavailable"
                    + " so the rollouts add at most 4, or lower api's connection_limit"));
  }

  @Test
  void oneAtATimeTheSurgeIsTheAppsOwnRolloutBesideTheOthersSteady() {
    // web's own rollout: 81 + 10 = 91, 6 over; api's: 81 + 4 = 85, within: only web is named, and
    // not "with every rollout at its peak", which one at a time never happens.
    Plan plan = twoRollouts(Rollouts.ONE_AT_A_TIME);

    assertThat(plan.totalConnections()).isEqualTo(91);
    assertThat(plan.findings())
        .filteredOn(f -> f.code().equals("surge-over-budget"))
        .extracting(f -> f.app().orElseThrow(), Finding::message)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(
                "web",
                "web fits at steady state but not during its rolling update: 4 → 6 replicas add 10"
                    + " connections, and with rollouts one at a time its rollout alone takes the"
                    + " pools to 91, 6 over the budget of 85 (81 between deploys); lower max_surge"
                    + " or max_unavailable so its rollout adds at most 4, or lower web's"
                    + " connection_limit"));
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
