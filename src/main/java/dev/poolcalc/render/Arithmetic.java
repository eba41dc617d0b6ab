package dev.poolcalc.render;

import dev.poolcalc.engine.Amount;
import dev.poolcalc.engine.App;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Budget;
import dev.poolcalc.engine.LimitSource;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Rollout;
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
        new String[] {
          "total",
          sum(plan.apps(), a -> a.instances() + " × " + a.connectionLimit())
              + " = "
              + plan.totalConnections()
        });
    return format(rows);
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
    List<String[]> rows = new ArrayList<>();
    if (split.kind() == Split.Kind.NONE) {
      rows.add(new String[] {"connection_limit", "fixed for every app"});
      return rows;
    }
    BigDecimal free = BigDecimal.valueOf(split.freeInstances());
    if (!fixedApps(plan).isEmpty()) {
      rows.add(
          new String[] {
            "remaining",
            String.format(
                "budget − fixed = %d − (%s) = %d",
                b.budget(),
                sum(
                    fixedApps(plan),
                    a -> plan.rollouts().steady(a.app()) + " × " + a.connectionLimit()),
                split.remaining())
          });
    }
    if (split.kind() == Split.Kind.EQUAL) {
      long limit = split.equalLimit();
      if (fixedApps(plan).isEmpty() && split.freeSurge() == 0) {
        rows.add(
            new String[] {
              "connection_limit",
              String.format(
                  "floor(min((%d − %d) / %d, %d × %s / %d)) = floor(min(%s, %s)) = %d",
                  b.maxConnections(),
                  b.reserve(),
                  split.freeInstances(),
                  b.maxConnections(),
                  b.headroom().toPlainString(),
                  split.freeInstances(),
                  Numbers.quotient(BigDecimal.valueOf(b.afterReserve()), free),
                  Numbers.quotient(
                      BigDecimal.valueOf(b.maxConnections()).multiply(b.headroom()), free),
                  limit)
            });
      } else {
        rows.add(
            new String[] {
              "connection_limit",
              split.freeSurge() == 0
                  ? String.format(
                      "floor(%d / %d) = %d for each of the %d free instances",
                      split.remaining(), split.freeInstances(), limit, split.freeInstances())
                  : String.format(
                      "floor(%d / (%d steady + %d largest surge)) = %d for each free instance",
                      split.remaining(), split.freeInstances(), split.freeSurge(), limit)
            });
      }
      return rows;
    }
    rows.add(
        new String[] {
          "W",
          sum(
                  freeApps(plan),
                  a ->
                      Numbers.plain(a.app().weight().orElse(BigDecimal.ONE))
                          + " × "
                          + plan.rollouts().steady(a.app()))
              + (split.freeSurge() > 0 ? " + the largest weight × surge" : "")
              + " = "
              + Numbers.plain(split.totalWeight())
        });
    String totalWeight = Numbers.plain(split.totalWeight());
    for (AppPlan app : freeApps(plan)) {
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

  private static List<AppPlan> fixedApps(Plan plan) {
    return plan.apps().stream()
        .filter(a -> a.source() == LimitSource.FIXED || a.source() == LimitSource.CAPPED)
        .toList();
  }

  private static List<AppPlan> freeApps(Plan plan) {
    return plan.apps().stream()
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
