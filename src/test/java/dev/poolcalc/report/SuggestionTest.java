package dev.poolcalc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.poolcalc.engine.Amount;
import dev.poolcalc.engine.App;
import dev.poolcalc.engine.Client;
import dev.poolcalc.engine.Database;
import dev.poolcalc.engine.Demand;
import dev.poolcalc.engine.Deployment;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Replicas;
import dev.poolcalc.engine.Sizing;
import dev.poolcalc.engine.Status;
import dev.poolcalc.report.Suggestion.Change;
import dev.poolcalc.report.Suggestion.Rule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * plan --suggest's rule on a deployment small enough to work by hand.
 *
 * <p>The server: max_connections 50, reserve 10, headroom 0.85: budget = min(50 − 10, floor(50 ×
 * 0.85)) = min(40, 42) = 40.
 *
 * <p>The apps: api, 2 replicas, demand 200 requests/s across them, 10 ms each, wait_ms 10; bot, 1
 * replica, no demand; cron, 1 replica, fixed connection_limit 5, no demand.
 *
 * <p>Today: cron takes 5, the 40 − 5 = 35 left go to api's 2 and bot's 1 instance: floor(35 / 3) =
 * 11 each; total = 5 + 2 × 11 + 11 = 38.
 *
 * <p>api's need: λ = 200 / 2 = 100 requests/s per pool, A = 100 × 10 / 1000 = 1. With A = 1 the
 * Erlang C formula P_wait = (A^c/c! · c/(c − A)) / (Σ_{k<c} A^k/k! + A^c/c! · c/(c − A)) is worked
 * with fractions, and P(wait > 10 ms) = P_wait · e^(−(c − A) · 10 / 10):
 *
 * <ul>
 *   <li>c = 2: P_wait = (1/2 · 2) / (1 + 1 + 1) = 1/3; P(> 10 ms) = e^−1 / 3 = 0.1226 > 0.01
 *   <li>c = 3: P_wait = (1/6 · 3/2) / (5/2 + 1/4) = 1/11; P(> 10 ms) = e^−2 / 11 = 0.0123 > 0.01
 *   <li>c = 4: P_wait = (1/24 · 4/3) / (8/3 + 1/18) = 1/49; P(> 10 ms) = e^−3 / 49 = 0.00102 ≤ 0.01
 * </ul>
 *
 * so needed_limit = 4 ({@link #erlangCFromFactorials} evaluates the same formula directly).
 *
 * <p>The suggestion: api fixed at 4, bot capped at today's 11, cron kept at 5. Re-planned: fixed 5
 * + 2 × 4 = 13, 40 − 13 = 27 left for bot's one instance, held at its cap 11; total = 5 + 8 + 11 =
 * 24, freeing 40 − 24 = 16 of the budget (today 40 − 38 = 2).
 */
class SuggestionTest {

  private static final Database SERVER = Database.of(50, Amount.count(10));

  private static App app(String name, long replicas) {
    return App.of(name, Replicas.fixed(replicas), 1);
  }

  private static App withDemand(App app, long rps, long dbTimeMs) {
    return new App(
        app.name(),
        app.replicas(),
        app.processes(),
        app.connectionLimit(),
        app.weight(),
        app.poolTimeout(),
        app.connectTimeout(),
        app.rollout(),
        Client.DEFAULT,
        app.maxConnectionLimit(),
        Optional.of(
            new Demand(BigDecimal.valueOf(rps), BigDecimal.valueOf(dbTimeMs), BigDecimal.TEN)),
        Optional.empty(),
        Optional.empty());
  }

  private static Plan plan(App... apps) {
    return Sizing.plan(new Deployment(SERVER, List.of(apps)));
  }

  @Test
  void theHandWorkedErlangCValuesHold() {
    assertThat(erlangCFromFactorials(2, 1.0)).isCloseTo(1.0 / 3, within());
    assertThat(erlangCFromFactorials(3, 1.0)).isCloseTo(1.0 / 11, within());
    assertThat(erlangCFromFactorials(4, 1.0)).isCloseTo(1.0 / 49, within());
    assertThat(Math.exp(-2) / 11).isGreaterThan(0.01);
    assertThat(Math.exp(-3) / 49).isLessThanOrEqualTo(0.01);
  }

  @Test
  void demandAppGetsItsNeededLimitOthersAreCappedAtTodayAndTheRestIsFreed() {
    Plan today =
        plan(
            withDemand(app("api", 2), 200, 10),
            app("bot", 1),
            app("cron", 1).withConnectionLimit(5));
    assertThat(today.totalConnections()).isEqualTo(38);

    Suggestion s = Suggestion.of(today);

    assertThat(s.apps())
        .extracting(
            Change::name, Change::rule, Change::currentLimit, Change::suggestedLimit, Change::set)
        .containsExactly(
            tuple("api", Rule.DEMAND, 11L, 4L, Map.of("connection_limit", 4L)),
            tuple("bot", Rule.CAPPED, 11L, 11L, Map.of("max_connection_limit", 11L)),
            tuple("cron", Rule.FIXED, 5L, 5L, Map.of()));
    assertThat(s.apps().get(0).neededLimit()).isEqualTo(OptionalLong.of(4));
    assertThat(s.fits()).isTrue();
    assertThat(s.suggested().totalConnections()).isEqualTo(24);
    assertThat(s.freed()).isEqualTo(16);
    assertThat(s.freeToday()).isEqualTo(2);
    assertThat(s.pasteable()).isTrue();
    assertThat(s.least()).isEmpty();
  }

  @Test
  void aWeightAndACapBelowTheNeedAreRemoved() {
    // api with weight 2 and max_connection_limit 3: the need of 4 (worked above) is above the cap.
    App api =
        withDemand(
            app("api", 2).withWeight(BigDecimal.valueOf(2)).withMaxConnectionLimit(3), 200, 10);

    Suggestion s = Suggestion.of(plan(api, app("bot", 1)));

    Change change = s.apps().get(0);
    assertThat(change.set()).containsExactly(Map.entry("connection_limit", 4L));
    assertThat(change.remove()).containsExactly("weight", "max_connection_limit");
    assertThat(change.suggestedLimit()).isEqualTo(4);
  }

  @Test
  void aNeedThatDoesNotFitIsSaidAndNotOffered() {
    // api at 4000 requests/s: A = 2000 × 10 / 1000 = 20 per pool, so it needs more than 20 per
    // pool, over 2 × 20 = 40 with cron's 5 beside it: more than the whole budget of 40.
    Plan today =
        plan(
            withDemand(app("api", 2), 4000, 10),
            app("bot", 1),
            app("cron", 1).withConnectionLimit(5));

    Suggestion s = Suggestion.of(today);

    assertThat(s.fits()).isFalse();
    assertThat(s.suggested().status()).isNotEqualTo(Status.OK);
    assertThat(s.pasteable()).isFalse();
    long needed = s.apps().get(0).suggestedLimit();
    assertThat(needed).isGreaterThan(20);
    assertThat(s.needingMore()).extracting(Change::name).containsExactly("api");
    // the least: api 2 × needed + bot 1 + cron 5
    assertThat(s.least().orElseThrow().totalConnections()).isEqualTo(2 * needed + 1 + 5);
  }

  /** P_wait by the textbook formula with factorials, independent of the engine's recursion. */
  private static double erlangCFromFactorials(int c, double a) {
    double sum = 0;
    double term = 1;
    for (int k = 0; k < c; k++) {
      sum += term;
      term = term * a / (k + 1);
    }
    double top = term * c / (c - a);
    return top / (sum + top);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }
}
