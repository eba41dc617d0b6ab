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

  /** How the apps' rollouts may overlap: the moment {@code totalConnections} is taken at. */
  public Rollouts rollouts() {
    return deployment.database().rollouts();
  }

  /**
   * One at a time: the app whose own rollout adds the most connections (surge_a × limit, ties in
   * file order), the worst moment the peak total is taken at; empty when no app surges.
   */
  public Optional<AppPlan> worstRollout() {
    AppPlan worst = null;
    for (AppPlan app : apps) {
      if (app.surgeConnections() > 0
          && (worst == null || app.surgeConnections() > worst.surgeConnections())) {
        worst = app;
      }
    }
    return Optional.ofNullable(worst);
  }

  /** Whether any app sets max_connection_limit: then the budget left unallocated is shown. */
  public boolean hasCaps() {
    return apps.stream().anyMatch(a -> a.app().maxConnectionLimit().isPresent());
  }

  /** budget − total when positive: what no app can use because the caps hold them below it. */
  public long unallocatedConnections() {
    return Math.max(0, budget.budget() - totalConnections);
  }

  public Optional<AppPlan> app(String name) {
    return apps.stream().filter(a -> a.name().equals(name)).findFirst();
  }
}
