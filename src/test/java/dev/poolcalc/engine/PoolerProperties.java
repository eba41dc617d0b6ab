package dev.poolcalc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the pooler arithmetic over generated deployments. */
class PoolerProperties {

  /**
   * A deployment without poolers plans exactly as before poolers existed: every app's limit is what
   * Splitter gives the whole budget, the total is Σ instances × limit, and the plan has no pooler
   * rows.
   */
  @Property
  void withoutPoolersEveryAppSplitsTheWholeBudgetAsBefore(
      @ForAll("plainDeployments") Deployment deployment) {
    Plan plan = Sizing.plan(deployment);
    Budget budget = Budget.of(deployment.database());
    Allocation before = Splitter.divide(deployment.apps(), budget.budget());

    long total = 0;
    for (int i = 0; i < deployment.apps().size(); i++) {
      App app = deployment.apps().get(i);
      long limit = before.shares().get(i).limit();
      assertThat(plan.apps().get(i).connectionLimit()).isEqualTo(limit);
      total += app.instances() * limit;
    }
    assertThat(plan.totalConnections()).isEqualTo(total);
    assertThat(plan.split()).isEqualTo(before.split());
    assertThat(plan.poolers()).isEmpty();
    assertThat(plan.status())
        .isEqualTo(
            budget.statusOf(total, plan.apps().stream().anyMatch(a -> a.connectionLimit() < 1)));
  }

  /** With status ok, the server never passes its budget and no pooler's clients pass C. */
  @Property
  void okPlansFitTheServerAndEveryPooler(@ForAll("pooledDeployments") Deployment deployment) {
    Plan plan = Sizing.plan(deployment);
    if (plan.status() != Status.OK) {
      return;
    }
    long server = plan.poolerServerConnections();
    for (AppPlan row : plan.directApps()) {
      server += row.totalConnections();
    }
    assertThat(server).isEqualTo(plan.totalConnections());
    assertThat(server).isLessThanOrEqualTo(plan.budget().budget());
    for (PoolerPlan p : plan.poolers()) {
      long clients = p.apps().stream().mapToLong(AppPlan::totalConnections).sum();
      assertThat(clients).isEqualTo(p.clientConnections());
      if (p.clientCapacity().isPresent()) {
        assertThat(clients).isLessThanOrEqualTo(p.clientBudget().getAsLong());
        assertThat(clients).isLessThanOrEqualTo(p.clientCapacity().getAsLong());
      }
      if (p.pooler().sessionMode()) {
        assertThat(clients).isLessThanOrEqualTo(p.serverConnections());
      }
    }
    assertThat(plan.apps()).allSatisfy(a -> assertThat(a.connectionLimit()).isPositive());
  }

  @Provide
  Arbitrary<Deployment> plainDeployments() {
    return Combinators.combine(
            Arbitraries.integers().between(10, 3_000),
            Arbitraries.integers().between(0, 9),
            apps().list().ofMinSize(1).ofMaxSize(6))
        .as(
            (max, reserve, apps) ->
                new Deployment(Database.of(max, Amount.count(reserve)), named(apps, 0)));
  }

  @Provide
  Arbitrary<Deployment> pooledDeployments() {
    Arbitrary<Pooler> bouncers =
        Combinators.combine(
                Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(1, 40),
                Arbitraries.integers().between(0, 10),
                Arbitraries.integers().between(10, 2_000),
                Arbitraries.of(PoolMode.values()))
            .as(
                (replicas, pool, reserve, clients, mode) ->
                    Pooler.pgbouncer("bouncer")
                        .withReplicas(replicas)
                        .withPgbouncerPools(pool, reserve, 0)
                        .withMaxClientConn(clients)
                        .withPoolMode(mode));
    return Combinators.combine(
            Arbitraries.integers().between(50, 3_000),
            bouncers,
            apps().list().ofMinSize(1).ofMaxSize(4),
            apps().list().ofMinSize(1).ofMaxSize(4))
        .as(
            (max, bouncer, direct, behind) -> {
              List<App> all = new ArrayList<>(named(direct, 0));
              for (App a : named(behind, direct.size())) {
                all.add(a.withVia("bouncer"));
              }
              return new Deployment(Database.of(max, Amount.count(0)), all, List.of(bouncer));
            });
  }

  private static Arbitrary<App> apps() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 10),
            Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(0, 30))
        .as(
            (replicas, processes, limit) -> {
              App app = App.of("x", Replicas.fixed(replicas), processes);
              return limit == 0 ? app : app.withConnectionLimit(limit);
            });
  }

  private static List<App> named(List<App> apps, int from) {
    List<App> out = new ArrayList<>();
    for (int i = 0; i < apps.size(); i++) {
      App a = apps.get(i);
      App named = App.of("app-" + (from + i), a.replicas(), a.processes());
      out.add(a.isFixed() ? named.withConnectionLimit(a.connectionLimit().getAsLong()) : named);
    }
    return out;
  }
}
