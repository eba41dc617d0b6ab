package dev.poolcalc.render;

import dev.poolcalc.engine.Amount;
import dev.poolcalc.engine.App;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Budget;
import dev.poolcalc.engine.LimitSource;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Rollout;
import dev.poolcalc.engine.Rollouts;
import dev.poolcalc.engine.Split;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The plan's arithmetic written out with its numbers, as a person would check it by hand: {@code
 * connection_limit = floor(min((100 − 15) / 5, 100 × 0.85 / 5)) = 17}.
 */
public final class Arithmetic {

  /** Sums longer than this many terms are cut short with "…". */
  private static final int MAX_TERMS = 6;

  private Arithmetic() {}

  /** Lines of {@code name = expression}, names padded to one column. */
  public static List<String> lines(Plan plan) {
    if (!plan.poolers().isEmpty()) {
      return PoolerArithmetic.lines(plan, header(plan));
    }
    List<String[]> rows = header(plan);
    return rest(plan, rows);
  }

  /** reserve, budget and usable: the server's lines, with or without poolers. */
  static List<String[]> header(Plan plan) {
    Budget b = plan.budget();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"reserve", reserve(plan)});
    rows.add(
        new String[] {
          "budget",
          String.format(
              "min(%d − %d, floor(%d × %s)) = min(%d, %d) = %d",
              b.maxConnections(),
              b.reserve(),
              b.maxConnections(),
              b.headroom().toPlainString(),
              b.afterReserve(),
              b.headroomCap(),
              b.budget())
        });
    rows.add(
        new String[] {
          "usable",
          String.format(
              "%d − %d superuser_reserved − %d reserved = %d",
              b.maxConnections(), b.superuserReserved(), b.reservedConnections(), b.usable())
        });
    return rows;
  }

  private static List<String> rest(Plan plan, List<String[]> rows) {
    for (AppPlan app : plan.apps()) {
      if (app.app().rollout().isPresent()) {
        rows.add(new String[] {"peak(" + app.name() + ")", peak(app.app())});
      }
    }
    rows.add(
        new String[] {
          "instances",
          sum(plan.apps(), a -> a.peakReplicas() + " × " + a.app().processes())
              + " = "
              + plan.totalInstances()
        });
    rows.addAll(limits(plan));
    rows.add(
        new String[] {"total", totalTerms(plan, plan.apps()) + " = " + plan.totalConnections()});
    return format(rows);
  }

  /**
   * The terms of the server's total over {@code apps}: instances × limit each, or one at a time
   * steady instances × limit each plus the worst single rollout's surge × limit.
   */
  static String totalTerms(Plan plan, List<AppPlan> apps) {
    if (plan.rollouts() != Rollouts.ONE_AT_A_TIME) {
      return sum(apps, a -> a.instances() + " × " + a.connectionLimit());
    }
    String steady = sum(apps, a -> a.app().steadyInstances() + " × " + a.connectionLimit());
    return plan.worstRollout()
        .filter(apps::contains)
        .map(
            w ->
                steady
                    + " + "
                    + (w.instances() - w.app().steadyInstances())
                    + " × "
                    + w.connectionLimit()
                    + " ("
                    + w.name()
                    + "'s rollout)")
        .orElse(steady);
  }

  /** Rows of {name, expression} as {@code name = expression}, names padded to one column. */
  static List<String> format(List<String[]> rows) {
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    List<String> lines = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      lines.add(row[0] + " ".repeat(width - row[0].length()) + " = " + row[1]);
    }
    return lines;
  }

  /**
   * An app's peak replicas worked out: {@code 3 + ceil(3 × 25%) + floor(3 × 25%) = 3 + 1 + 0 = 4}
   * for a rolling update, {@code 2 × 3 = 6} for blue-green, {@code 3} for recreate.
   */
  public static String peak(App app) {
    long r = app.steadyReplicas();
    Rollout rollout = app.rollout().orElse(null);
    if (rollout == null || rollout.strategy() == Rollout.Strategy.RECREATE) {
      return Long.toString(r);
    }
    if (rollout.strategy() == Rollout.Strategy.BLUE_GREEN) {
      return "2 × " + r + " = " + app.peakReplicas();
    }
    String sum = r + " + " + rollout.surgeReplicas(r) + " + " + rollout.terminatingReplicas(r);
    if (!rollout.maxSurge().percent() && !rollout.maxUnavailable().percent()) {
      return sum + " = " + app.peakReplicas();
    }
    return String.format(
        "%d + %s + %s = %s = %d",
        r,
        step("ceil", r, rollout.maxSurge()),
        step("floor", r, rollout.maxUnavailable()),
        sum,
        app.peakReplicas());
  }

  private static String step(String rounding, long replicas, Amount step) {
    return step.percent() ? rounding + "(" + replicas + " × " + step + ")" : step.toString();
  }

  private static String reserve(Plan plan) {
    var reserve = plan.deployment().database().reserve();
    Budget b = plan.budget();
    if (reserve.percent()) {
      return String.format(
          "ceil(%d × %s%%) = %d", b.maxConnections(), reserve.number(), b.reserve());
    }
    return Long.toString(b.reserve());
  }

  /** How the limits were worked out: the remaining budget, W and each weighted limit. */
  static List<String[]> limits(Plan plan) {
    Split split = plan.split();
    Budget b = plan.budget();
    Rollouts mode = plan.rollouts();
    List<AppPlan> fixed = fixedApps(plan.directApps());
    String remaining =
        fixed.isEmpty()
            ? null
            : String.format(
                "budget − fixed = %d − (%s) = %d",
                b.budget(),
                sum(fixed, a -> mode.steady(a.app()) + " × " + a.connectionLimit()),
                split.remaining());
    String seed = null;
    if (fixed.isEmpty() && split.kind() == Split.Kind.EQUAL && split.freeSurge() == 0) {
      BigDecimal free = BigDecimal.valueOf(split.freeInstances());
      seed =
          String.format(
              "floor(min((%d − %d) / %d, %d × %s / %d)) = floor(min(%s, %s)) = %d",
              b.maxConnections(),
              b.reserve(),
              split.freeInstances(),
              b.maxConnections(),
              b.headroom().toPlainString(),
              split.freeInstances(),
              Numbers.quotient(BigDecimal.valueOf(b.afterReserve()), free),
              Numbers.quotient(BigDecimal.valueOf(b.maxConnections()).multiply(b.headroom()), free),
              split.equalLimit());
    }
    return limits(split, plan.directApps(), mode, remaining, seed, "");
  }

  /**
   * The rows of one division: {@code remaining} (when there is one to show), then the equal limit
   * ({@code seed} instead, when given) or W and each weighted limit. {@code mode} counts each app's
   * instances (a pooler's clients divide all at once). {@code prefix} names whose division it is,
   * such as {@code "bouncer: "}.
   */
  static List<String[]> limits(
      Split split,
      List<AppPlan> apps,
      Rollouts mode,
      String remaining,
      String seed,
      String prefix) {
    List<String[]> rows = new ArrayList<>();
    if (split.kind() == Split.Kind.NONE) {
      rows.add(new String[] {prefix + "connection_limit", "fixed for every app"});
      return rows;
    }
    if (remaining != null) {
      rows.add(new String[] {prefix + "remaining", remaining});
    }
    if (split.kind() == Split.Kind.EQUAL) {
      long limit = split.equalLimit();
      String rule;
      if (seed != null) {
        rule = seed;
      } else if (split.freeSurge() == 0) {
        rule =
            String.format(
                "floor(%d / %d) = %d for each of the %d free instances",
                split.remaining(), split.freeInstances(), limit, split.freeInstances());
      } else {
        rule =
            String.format(
                "floor(%d / (%d steady + %d largest surge)) = %d for each free instance",
                split.remaining(), split.freeInstances(), split.freeSurge(), limit);
      }
      rows.add(new String[] {prefix + "connection_limit", rule});
      return rows;
    }
    List<AppPlan> free = freeApps(apps);
    rows.add(
        new String[] {
          prefix + "W",
          sum(
                  free,
                  a ->
                      Numbers.plain(a.app().weight().orElse(BigDecimal.ONE))
                          + " × "
                          + mode.steady(a.app()))
              + (split.freeSurge() > 0 ? " + the largest weight × surge" : "")
              + " = "
              + Numbers.plain(split.totalWeight())
        });
    String totalWeight = Numbers.plain(split.totalWeight());
    for (AppPlan app : free) {
      long base = app.splitLimit();
      String bonus = app.leftoverBonus() > 0 ? " + 1 leftover = " + app.connectionLimit() : "";
      rows.add(
          new String[] {
            "limit(" + app.name() + ")",
            // One line per free app: concatenation, not String.format, keeps 10,000 apps fast.
            "floor("
                + split.remaining()
                + " × "
                + Numbers.plain(app.app().weight().orElse(BigDecimal.ONE))
                + " / "
                + totalWeight
                + ") = "
                + base
                + bonus
          });
    }
    return rows;
  }

  static List<AppPlan> fixedApps(List<AppPlan> apps) {
    return apps.stream()
        .filter(a -> a.source() == LimitSource.FIXED || a.source() == LimitSource.CAPPED)
        .toList();
  }

  private static List<AppPlan> freeApps(List<AppPlan> apps) {
    return apps.stream()
        .filter(a -> a.source() == LimitSource.EQUAL || a.source() == LimitSource.WEIGHTED)
        .toList();
  }

  /** {@code a + b + c}, or {@code a + b + … (N terms)} when long. */
  static String sum(List<AppPlan> apps, Function<AppPlan, String> term) {
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < apps.size() && i < MAX_TERMS; i++) {
      terms.add(term.apply(apps.get(i)));
    }
    String joined = String.join(" + ", terms);
    return apps.size() > MAX_TERMS ? joined + " + … (" + apps.size() + " terms)" : joined;
  }
}
