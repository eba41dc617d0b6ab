package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The sizing engine: divides what the server can give among every pool that will be open at once,
 * and judges the result. Pure: records in, a {@link Plan} out. The division itself is {@link
 * Splitter}'s, applied once to the server's budget (the direct apps, after the poolers' server
 * connections) and once to each pooler's client budget (the apps behind it). The moment the server
 * side is judged at (every rollout at once, or the worst single one) is {@link Rollouts}'; how each
 * pool copes with its demand is {@link PoolLoad}'s.
 */
public final class Sizing {

  private Sizing() {}

  public static Plan plan(Deployment deployment) {
    Budget budget = Budget.of(deployment.database());
    Rollouts mode = deployment.database().rollouts();
    List<App> apps = deployment.apps();

    long poolerServer = 0;
    for (Pooler pooler : deployment.poolers()) {
      poolerServer = Math.addExact(poolerServer, pooler.serverConnections(budget.maxConnections()));
    }
    List<App> direct = apps.stream().filter(App::direct).toList();
    // Poolers take their server connections off the budget like fixed apps; Splitter takes the
    // direct fixed apps off itself.
    Allocation allocation = Splitter.divide(direct, budget.budget() - poolerServer, mode);

    Map<App, AppPlan> rowOf = new HashMap<>();
    List<AppPlan> directRows = rows(direct, allocation);
    for (int i = 0; i < direct.size(); i++) {
      rowOf.put(direct.get(i), directRows.get(i));
    }
    long[] limits = directRows.stream().mapToLong(AppPlan::connectionLimit).toArray();
    long total = Math.addExact(poolerServer, mode.peakTotal(direct, limits));

    List<PoolerPlan> poolers = new ArrayList<>();
    for (Pooler pooler : deployment.poolers()) {
      PoolerPlan p = clientSide(pooler, apps, budget);
      poolers.add(p);
      for (AppPlan row : p.apps()) {
        rowOf.put(row.app(), row);
      }
    }
    List<AppPlan> rows = new ArrayList<>(apps.size());
    for (App app : apps) {
      rows.add(rowOf.get(app));
    }

    Split split = allocation.split();
    List<Finding> findings =
        new ArrayList<>(
            Findings.of(deployment.database(), budget, split, directRows, total, poolerServer));
    findings.addAll(PoolerFindings.of(deployment, budget, poolers, directRows));
    findings.addAll(ProviderFindings.of(deployment.database(), budget, total));
    findings.addAll(MomentFindings.of(budget, mode, directRows, total));
    findings.addAll(DemandFindings.of(rows));
    Status status = statusOf(budget, directRows, total);
    for (PoolerPlan p : poolers) {
      status = worst(status, p.status());
    }
    return new Plan(deployment, budget, split, rows, total, status, findings, poolers);
  }

  /** The apps behind {@code pooler} dividing its client budget, and the pooler's verdict. */
  private static PoolerPlan clientSide(Pooler pooler, List<App> apps, Budget budget) {
    long server = pooler.serverConnections(budget.maxConnections());
    OptionalLong capacity = pooler.clientCapacity();
    OptionalLong clientBudget =
        capacity.isPresent()
            ? OptionalLong.of(
                BigDecimal.valueOf(capacity.getAsLong())
                    .multiply(budget.headroom())
                    .setScale(0, RoundingMode.FLOOR)
                    .longValueExact())
            : OptionalLong.empty();
    List<App> behind =
        apps.stream().filter(a -> a.via().filter(pooler.name()::equals).isPresent()).toList();
    // Without a client capacity every app behind it has a fixed limit (config requires it), so
    // there is nothing to divide.
    Allocation allocation = Splitter.divide(behind, clientBudget.orElse(0));
    List<AppPlan> rows = rows(behind, allocation);
    long clients = 0;
    for (AppPlan row : rows) {
      clients = Math.addExact(clients, row.totalConnections());
    }
    Status status = PoolerPlan.statusOf(pooler, server, capacity, clientBudget, rows, clients);
    return new PoolerPlan(
        pooler, server, capacity, clientBudget, allocation.split(), rows, clients, status);
  }

  private static List<AppPlan> rows(List<App> apps, Allocation allocation) {
    List<AppPlan> rows = new ArrayList<>(apps.size());
    for (int i = 0; i < apps.size(); i++) {
      App app = apps.get(i);
      Allocation.Share share = allocation.shares().get(i);
      Optional<PoolLoad> load = app.demand().map(d -> PoolLoad.of(app, d, share.limit()));
      rows.add(
          new AppPlan(
              app,
              app.instances(),
              share.limit(),
              share.source(),
              share.leftoverBonus(),
              Math.multiplyExact(app.instances(), share.limit()),
              load));
    }
    return rows;
  }

  private static Status worst(Status a, Status b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** The verdict of docs/ARCHITECTURE.md, exactly: error, then warning, else ok. */
  static Status statusOf(Budget budget, List<AppPlan> rows, long total) {
    return budget.statusOf(total, rows.stream().anyMatch(r -> r.connectionLimit() < 1));
  }
}
