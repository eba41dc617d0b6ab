package dev.poolcalc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sizing engine: divides what the server can give among every pool that will be open at once,
 * and judges the result. Pure: records in, a {@link Plan} out. The division itself is {@link
 * Splitter}'s; the moment judged (every rollout at once, or the worst single one) is {@link
 * Rollouts}'; how each pool copes with its demand is {@link PoolLoad}'s.
 */
public final class Sizing {

  private Sizing() {}

  public static Plan plan(Deployment deployment) {
    Budget budget = Budget.of(deployment.database());
    Rollouts mode = deployment.database().rollouts();
    List<App> apps = deployment.apps();
    Allocation allocation = Splitter.divide(apps, budget.budget(), mode);

    List<AppPlan> rows = new ArrayList<>(apps.size());
    long[] limits = new long[apps.size()];
    for (int i = 0; i < apps.size(); i++) {
      App app = apps.get(i);
      Allocation.Share share = allocation.shares().get(i);
      limits[i] = share.limit();
      long appTotal = Math.multiplyExact(app.instances(), share.limit());
      Optional<PoolLoad> load = app.demand().map(d -> PoolLoad.of(app, d, share.limit()));
      rows.add(
          new AppPlan(
              app,
              app.instances(),
              share.limit(),
              share.source(),
              share.leftoverBonus(),
              appTotal,
              load));
    }
    long total = mode.peakTotal(apps, limits);

    Split split = allocation.split();
    List<Finding> findings = new ArrayList<>(Findings.of(budget, split, rows, total));
    findings.addAll(ProviderFindings.of(deployment.database(), budget, total));
    findings.addAll(MomentFindings.of(budget, mode, rows, total));
    findings.addAll(DemandFindings.of(rows));
    return new Plan(
        deployment, budget, split, rows, total, statusOf(budget, rows, total), findings);
  }

  /** The verdict of docs/ARCHITECTURE.md, exactly: error, then warning, else ok. */
  static Status statusOf(Budget budget, List<AppPlan> rows, long total) {
    return budget.statusOf(total, rows.stream().anyMatch(r -> r.connectionLimit() < 1));
  }
}
