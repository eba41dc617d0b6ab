package dev.poolcalc.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Findings that say which peak pushes a plan over its budget: a rollout (more pods for a while) or
 * an autoscaler at its maximum. They explain a verdict the arithmetic already gave (the over-budget
 * or over-usable finding), so they are information: one overflow is one error.
 */
public final class PeakFindings {

  /** A rollout's extra pods push the plan over. */
  public static final String SURGE = "surge-over-budget";

  /** An autoscaler at its maximum pushes the plan over. */
  public static final String AUTOSCALE = "autoscale-max-over-budget";

  /** Both codes: each explains the one overflow the arithmetic found. */
  public static final java.util.Set<String> CODES = java.util.Set.of(SURGE, AUTOSCALE);

  private PeakFindings() {}

  /**
   * {@code rows} are the direct apps; {@code poolerServer} the poolers' share of the total; {@code
   * mode} the server's database.rollouts, which decides the moment the surge is judged at.
   */
  static List<Finding> of(
      Rollouts mode, Budget budget, List<AppPlan> rows, long total, long poolerServer) {
    List<Finding> findings = new ArrayList<>();
    if (budget.crossedBy(total).isEmpty()) {
      return findings;
    }
    findings.addAll(surge(mode, budget, rows, total, poolerServer));
    for (AppPlan row : rows) {
      Replicas r = row.app().replicas();
      if (r.range() && r.min() < r.max() && row.connectionLimit() >= 1) {
        findings.add(autoscale(budget, row, total));
      }
    }
    return findings;
  }

  /**
   * The plan fits between deploys and only the rollouts' extra pods push it over. All at once the
   * moment is every rollout at its peak together (the total); one at a time it is each app's own
   * rollout beside the others' steady pools, so only an app whose own rollout crosses the budget is
   * named, with the total of its own moment.
   */
  private static List<Finding> surge(
      Rollouts mode, Budget budget, List<AppPlan> rows, long total, long poolerServer) {
    long steady = rows.stream().mapToLong(AppPlan::steadyTotalConnections).sum() + poolerServer;
    List<Finding> findings = new ArrayList<>();
    if (budget.crossedBy(steady).isPresent()) {
      return findings;
    }
    long allowed = budget.budget() - steady;
    boolean oneAtATime = mode == Rollouts.ONE_AT_A_TIME;
    for (AppPlan row : rows) {
      long extra = row.totalConnections() - row.steadyTotalConnections();
      if (extra <= 0) {
        continue;
      }
      long moment = oneAtATime ? steady + extra : total;
      if (budget.crossedBy(moment).isEmpty()) {
        continue;
      }
      Rollout rollout = row.app().rollout().orElseThrow();
      boolean rolling = rollout.strategy() == Rollout.Strategy.ROLLING;
      String when =
          oneAtATime
              ? "and with rollouts one at a time its rollout alone takes the pools to %d"
              : "and with every rollout at its peak the pools open %d";
      String adds = oneAtATime ? "its rollout adds" : "the rollouts add";
      findings.add(
          Finding.forApp(
              Severity.INFO,
              SURGE,
              row.name(),
              String.format(
                  "%s fits at steady state but not during its %s: %d → %d replicas add %d"
                      + " connections, "
                      + when
                      + ", %d over the budget of %d (%d between deploys); %s so "
                      + adds
                      + " at most %d, or lower %s's connection_limit",
                  row.name(),
                  rolling ? "rolling update" : rollout.strategy().key() + " deploy",
                  row.steadyReplicas(),
                  row.peakReplicas(),
                  extra,
                  moment,
                  moment - budget.budget(),
                  budget.budget(),
                  steady,
                  rolling ? "lower max_surge or max_unavailable" : "use a rolling update",
                  allowed,
                  row.name())));
    }
    return findings;
  }

  /** An autoscaling app at replicas.max while the plan is over budget: say what would fit. */
  private static Finding autoscale(Budget budget, AppPlan row, long total) {
    App app = row.app();
    long over = total - budget.budget();
    long min = app.replicas().min();
    long max = app.replicas().max();
    long atMin = total - (row.instances() - instancesAt(app, min)) * row.connectionLimit();
    String fix = null;
    for (long r = max - 1; r >= min; r--) {
      long atR = total - (row.instances() - instancesAt(app, r)) * row.connectionLimit();
      if (budget.crossedBy(atR).isEmpty()) {
        fix = "lower replicas.max to " + r;
        break;
      }
    }
    long fittingLimit = row.connectionLimit() - ceilDiv(over, row.instances());
    if (app.isFixed() && fittingLimit >= 1) {
      String limitFix = "its connection_limit to " + fittingLimit;
      fix = fix == null ? "lower " + limitFix : fix + " or " + limitFix;
    }
    if (fix == null) {
      fix = "even at its minimum it does not fit: lower the other apps' limits";
    }
    return Finding.forApp(
        Severity.INFO,
        AUTOSCALE,
        row.name(),
        String.format(
            "%s autoscales up to %d replicas: at replicas.max the pools open %d connections, %d"
                + " over the budget of %d (%d with it at its minimum of %d); %s",
            row.name(), max, total, over, budget.budget(), atMin, min, fix));
  }

  private static long instancesAt(App app, long replicas) {
    long peak = app.rollout().map(r -> r.peak(replicas)).orElse(replicas);
    return Math.multiplyExact(peak, app.processes());
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
