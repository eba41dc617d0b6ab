package dev.poolcalc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's answer: every app's limit, the totals, the verdict and the findings.
 *
 * @param split how the server's budget was divided among the apps that connect directly
 * @param apps every app, in file order, behind a pooler or not
 * @param totalConnections what the server sees: Σ direct apps' totals + Σ poolers' server
 * @param poolers each pooler's two sides, in file order
 */
public record Plan(
    Deployment deployment,
    Budget budget,
    Split split,
    List<AppPlan> apps,
    long totalConnections,
    Status status,
    List<Finding> findings,
    List<PoolerPlan> poolers) {

  public Plan {
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(status, "status");
    apps = List.copyOf(apps);
    findings = List.copyOf(findings);
    poolers = List.copyOf(poolers);
  }

  /** A plan without poolers. */
  public Plan(
      Deployment deployment,
      Budget budget,
      Split split,
      List<AppPlan> apps,
      long totalConnections,
      Status status,
      List<Finding> findings) {
    this(deployment, budget, split, apps, totalConnections, status, findings, List.of());
  }

  public long totalInstances() {
    return apps.stream().mapToLong(AppPlan::instances).sum();
  }

  /** max_connections − total: negative when the plan asks for more than the server has. */
  public long freeConnections() {
    return budget.maxConnections() - totalConnections;
  }

  /**
   * Σ steady instances × limit over the direct apps, plus the poolers' server connections: what the
   * server holds between deploys.
   */
  public long steadyTotalConnections() {
    return directApps().stream().mapToLong(AppPlan::steadyTotalConnections).sum()
        + poolerServerConnections();
  }

  /**
   * This plan with more findings after its own, such as the client libraries' advice. The status
   * stays the arithmetic's verdict (docs/ARCHITECTURE.md), so advice never turns a plan red.
   */
  public Plan withFindings(List<Finding> more) {
    List<Finding> all = new ArrayList<>(findings);
    all.addAll(more);
    return new Plan(deployment, budget, split, apps, totalConnections, status, all, poolers);
  }

  /**
   * The server's verdict alone: the total against the budget and usable lines, without the poolers'
   * client sides. {@link #status} is the worst of it and every pooler's.
   */
  public Status serverStatus() {
    return Sizing.statusOf(budget, directApps(), totalConnections);
  }

  /** Σ poolers' server connections: what the poolers take off the budget. */
  public long poolerServerConnections() {
    return poolers.stream().mapToLong(PoolerPlan::serverConnections).sum();
  }

  /** The apps that connect to the server itself. */
  public List<AppPlan> directApps() {
    return apps.stream().filter(a -> a.app().direct()).toList();
  }

  public Optional<PoolerPlan> pooler(String name) {
    return poolers.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** How the apps' rollouts may overlap: the moment {@code totalConnections} is taken at. */
  public Rollouts rollouts() {
    return deployment.database().rollouts();
  }

  /**
   * One at a time: the direct app whose own rollout adds the most connections (surge_a × limit,
   * ties in file order), the worst moment the peak total is taken at; empty when no direct app
   * surges. Apps behind a pooler are left out: their rollouts add the pooler's clients, not server
   * connections, and {@code totalConnections} is taken over the direct apps alone.
   */
  public Optional<AppPlan> worstRollout() {
    AppPlan worst = null;
    for (AppPlan app : directApps()) {
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
