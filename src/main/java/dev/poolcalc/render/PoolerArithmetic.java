package dev.poolcalc.render;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Budget;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Pooler;
import dev.poolcalc.engine.PoolerPlan;
import dev.poolcalc.engine.Rollouts;
import dev.poolcalc.engine.Split;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of a plan with poolers, in both tiers: each pooler's pools spelled out and taken
 * off the server's budget, the direct apps' split of what is left, then each pooler's client
 * capacity and the split of its client budget among the apps behind it.
 */
public final class PoolerArithmetic {

  private PoolerArithmetic() {}

  static List<String> lines(Plan plan, List<String[]> header) {
    Budget b = plan.budget();
    List<String[]> rows = new ArrayList<>(header);
    for (PoolerPlan p : plan.poolers()) {
      rows.add(new String[] {"server(" + p.name() + ")", pools(p, b.maxConnections())});
    }
    List<AppPlan> direct = plan.directApps();
    peaks(rows, direct);
    if (!direct.isEmpty()) {
      rows.add(
          new String[] {
            "instances",
            Arithmetic.sum(direct, a -> a.peakReplicas() + " × " + a.app().processes())
                + " = "
                + direct.stream().mapToLong(AppPlan::instances).sum()
          });
      Split split = plan.split();
      List<AppPlan> fixed = Arithmetic.fixedApps(direct);
      String remaining =
          String.format(
              "budget − poolers − fixed = %d − %s − %s = %d",
              b.budget(),
              plan.poolers().size() == 1
                  ? Long.toString(plan.poolerServerConnections())
                  : "(" + joinServer(plan) + ")",
              fixed.isEmpty()
                  ? "0"
                  : "("
                      + Arithmetic.sum(
                          fixed, a -> plan.rollouts().steady(a.app()) + " × " + a.connectionLimit())
                      + ")",
              split.remaining());
      rows.addAll(Arithmetic.limits(split, direct, plan.rollouts(), remaining, null, ""));
    }
    List<String> terms = new ArrayList<>();
    for (PoolerPlan p : plan.poolers()) {
      terms.add(Long.toString(p.serverConnections()));
    }
    String directSum = direct.isEmpty() ? "" : " + " + Arithmetic.totalTerms(plan, direct);
    rows.add(
        new String[] {
          "total", String.join(" + ", terms) + directSum + " = " + plan.totalConnections()
        });
    for (PoolerPlan p : plan.poolers()) {
      clientRows(rows, p, b);
    }
    return Arithmetic.format(rows);
  }

  private static void clientRows(List<String[]> rows, PoolerPlan p, Budget b) {
    String n = p.name() + ": ";
    if (p.clientCapacity().isPresent()) {
      rows.add(new String[] {n + "C", capacity(p)});
      rows.add(
          new String[] {
            n + "client_budget",
            String.format(
                "floor(%d × %s) = %d",
                p.clientCapacity().getAsLong(),
                b.headroom().toPlainString(),
                p.clientBudget().getAsLong())
          });
    } else {
      rows.add(
          new String[] {n + "C", "none: no max_client_conn, so every app brings its own limit"});
    }
    if (p.apps().isEmpty()) {
      rows.add(new String[] {n + "clients", "0 (no app sets via: " + p.name() + ")"});
      return;
    }
    peaks(rows, p.apps());
    rows.add(
        new String[] {
          n + "instances",
          Arithmetic.sum(p.apps(), a -> a.peakReplicas() + " × " + a.app().processes())
              + " = "
              + p.apps().stream().mapToLong(AppPlan::instances).sum()
        });
    List<AppPlan> fixed = Arithmetic.fixedApps(p.apps());
    String remaining =
        fixed.isEmpty() || p.clientBudget().isEmpty()
            ? null
            : String.format(
                "client_budget − fixed = %d − (%s) = %d",
                p.clientBudget().getAsLong(),
                Arithmetic.sum(fixed, a -> a.instances() + " × " + a.connectionLimit()),
                p.split().remaining());
    rows.addAll(Arithmetic.limits(p.split(), p.apps(), Rollouts.ALL_AT_ONCE, remaining, null, n));
    rows.add(
        new String[] {
          n + "clients",
          Arithmetic.sum(p.apps(), a -> a.instances() + " × " + a.connectionLimit())
              + " = "
              + p.clientConnections()
        });
    if (p.pooler().multiplexes() && p.serverConnections() > 0) {
      rows.add(new String[] {n + "multiplexing", ratio(p)});
    }
  }

  private static void peaks(List<String[]> rows, List<AppPlan> apps) {
    for (AppPlan app : apps) {
      if (app.app().rollout().isPresent()) {
        rows.add(new String[] {"peak(" + app.name() + ")", Arithmetic.peak(app.app())});
      }
    }
  }

  private static String joinServer(Plan plan) {
    List<String> terms = new ArrayList<>();
    for (PoolerPlan p : plan.poolers()) {
      terms.add(Long.toString(p.serverConnections()));
    }
    return String.join(" + ", terms);
  }

  /**
   * A pooler's server connections spelled out: {@code 2 × 1 pair × (20 + 0) = 40} for PgBouncer,
   * {@code 2 pairs × 15 = 30} for Supavisor, {@code floor(100 × 45 / 100) = 45} for RDS Proxy.
   */
  public static String pools(PoolerPlan p, long maxConnections) {
    Pooler pooler = p.pooler();
    String pairs = pooler.pairs() + (pooler.pairs() == 1 ? " pair" : " pairs");
    return switch (pooler.kind()) {
      case PGBOUNCER -> {
        String each =
            pairs + " × (" + pooler.defaultPoolSize() + " + " + pooler.reservePoolSize() + ")";
        yield pooler.capBinds()
            ? String.format(
                "%d × min(%s, max_db_connections %d) = %d × %d = %d",
                pooler.replicas(),
                each,
                pooler.maxDbConnections(),
                pooler.replicas(),
                pooler.perProcess(),
                p.serverConnections())
            : pooler.replicas() + " × " + each + " = " + p.serverConnections();
      }
      case SUPAVISOR -> pairs + " × " + pooler.poolSize() + " = " + p.serverConnections();
      case RDS_PROXY ->
          String.format(
              "floor(%d × %d / 100) = %d",
              maxConnections, pooler.maxConnectionsPercent(), p.serverConnections());
    };
  }

  /** {@code 2 × 500 = 1000}: replicas × max_client_conn. */
  public static String capacity(PoolerPlan p) {
    return p.pooler().replicas()
        + " × "
        + p.pooler().maxClientConn().orElse(0)
        + " = "
        + p.clientCapacity().orElse(0);
  }

  /** {@code 846 / 50 = 16.9 clients per server connection (transaction mode)}. */
  public static String ratio(PoolerPlan p) {
    return String.format(
        "%d / %d = %s clients per server connection (%s mode)",
        p.clientConnections(),
        p.serverConnections(),
        p.ratio().toPlainString(),
        p.pooler().poolMode().map(m -> m.key()).orElse(""));
  }

  /**
   * {@code 16.9 per server connection}: short, for a verdict that fits 80 columns; the heading
   * above it names the mode, the arithmetic has {@link #ratio}.
   */
  static String perServerConnection(PoolerPlan p) {
    return p.ratio().toPlainString() + " per server connection";
  }

  /** "pgbouncer, transaction mode" or "rds-proxy". */
  public static String describe(Pooler pooler) {
    return pooler.kind().key() + pooler.poolMode().map(m -> ", " + m.key() + " mode").orElse("");
  }
}
