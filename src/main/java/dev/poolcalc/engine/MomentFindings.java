package dev.poolcalc.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Information about the moment the plan is judged at and what the caps leave: which app's rollout
 * is the worst moment when rollouts go one at a time, and the budget no app can use because the
 * caps hold them. They explain the numbers; they never change the status.
 */
final class MomentFindings {

  static final String WORST_ROLLOUT = "worst-rollout";
  static final String UNALLOCATED = "budget-unallocated";

  private MomentFindings() {}

  static List<Finding> of(Budget budget, Rollouts mode, List<AppPlan> rows, long total) {
    List<Finding> findings = new ArrayList<>();
    if (mode == Rollouts.ONE_AT_A_TIME) {
      long steady = rows.stream().mapToLong(AppPlan::steadyTotalConnections).sum();
      AppPlan worst = null;
      for (AppPlan row : rows) {
        if (row.surgeConnections() > 0
            && (worst == null || row.surgeConnections() > worst.surgeConnections())) {
          worst = row;
        }
      }
      findings.add(
          worst == null
              ? Finding.of(
                  Severity.INFO,
                  WORST_ROLLOUT,
                  String.format(
                      "rollouts go one at a time and no app's rollout adds pools: the peak is the"
                          + " steady %d connections",
                      steady))
              : Finding.forApp(
                  Severity.INFO,
                  WORST_ROLLOUT,
                  worst.name(),
                  String.format(
                      "rollouts go one at a time: the worst moment is %s's rollout, %d → %d"
                          + " replicas adding %d connections to the steady %d: %d at peak",
                      worst.name(),
                      worst.steadyReplicas(),
                      worst.peakReplicas(),
                      worst.surgeConnections(),
                      steady,
                      total)));
    }
    boolean capped = rows.stream().anyMatch(r -> r.source() == LimitSource.CAPPED);
    long unallocated = budget.budget() - total;
    if (capped && unallocated > 0) {
      findings.add(
          Finding.of(
              Severity.INFO,
              UNALLOCATED,
              String.format(
                  "%d of the budget of %d stays free: the apps that could take it are held at"
                      + " their max_connection_limit",
                  unallocated, budget.budget())));
    }
    return findings;
  }
}
