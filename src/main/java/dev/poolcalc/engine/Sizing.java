package dev.poolcalc.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The sizing engine: divides what the server can give among every pool that will be open at once,
 * and judges the result. Pure: records in, a {@link Plan} out. The division itself is {@link
 * Splitter}'s.
 */
public final class Sizing {

  private Sizing() {}

  public static Plan plan(Deployment deployment) {
    Budget budget = Budget.of(deployment.database());
    List<App> apps = deployment.apps();
    Allocation allocation = Splitter.divide(apps, budget.budget());

    List<AppPlan> rows = new ArrayList<>(apps.size());
    long total = 0;
    for (int i = 0; i < apps.size(); i++) {
      App app = apps.get(i);
      Allocation.Share share = allocation.shares().get(i);
      long appTotal = Math.multiplyExact(app.instances(), share.limit());
      total = Math.addExact(total, appTotal);
      rows.add(
          new AppPlan(
              app,
              app.instances(),
              share.limit(),
              share.source(),
              share.leftoverBonus(),
              appTotal));
    }

    Split split = allocation.split();
    List<Finding> findings = new ArrayList<>(Findings.of(budget, split, rows, total));
    findings.addAll(ProviderFindings.of(deployment.database(), budget, total));
    return new Plan(
        deployment, budget, split, rows, total, statusOf(budget, rows, total), findings);
  }

  /** The verdict of docs/ARCHITECTURE.md, exactly: error, then warning, else ok. */
  static Status statusOf(Budget budget, List<AppPlan> rows, long total) {
    return budget.statusOf(total, rows.stream().anyMatch(r -> r.connectionLimit() < 1));
  }
}
