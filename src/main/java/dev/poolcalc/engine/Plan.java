package dev.poolcalc.engine;

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

  public Optional<AppPlan> app(String name) {
    return apps.stream().filter(a -> a.name().equals(name)).findFirst();
  }
}
