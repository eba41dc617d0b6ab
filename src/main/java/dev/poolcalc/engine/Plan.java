package dev.poolcalc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The engine's answer: every app's limit, the totals, the verdict and the findings. */
public record Plan(
    Deployment deployment,
    Budget budget,
    Split split,
    List<AppPlan> apps,
    long totalConnections,
    Status status,
    List<Finding> findings) {

  public Plan {
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(status, "status");
    apps = List.copyOf(apps);
    findings = List.copyOf(findings);
  }

  public long totalInstances() {
    return apps.stream().mapToLong(AppPlan::instances).sum();
  }

  /** max_connections − total: negative when the plan asks for more than the server has. */
  public long freeConnections() {
    return budget.maxConnections() - totalConnections;
  }

  /** Σ steady instances × limit: what the pools hold between deploys. */
  public long steadyTotalConnections() {
    return apps.stream().mapToLong(AppPlan::steadyTotalConnections).sum();
  }

  /**
   * This plan with more findings after its own, such as the client libraries' advice. The status
   * stays the arithmetic's verdict (docs/ARCHITECTURE.md), so advice never turns a plan red.
   */
  public Plan withFindings(List<Finding> more) {
    List<Finding> all = new ArrayList<>(findings);
    all.addAll(more);
    return new Plan(deployment, budget, split, apps, totalConnections, status, all);
  }

  public Optional<AppPlan> app(String name) {
    return apps.stream().filter(a -> a.name().equals(name)).findFirst();
  }
}
