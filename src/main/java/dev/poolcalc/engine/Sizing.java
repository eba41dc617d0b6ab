package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sizing engine: divides what the server can give among every pool that will be open at once,
 * and judges the result. Pure: records in, a {@link Plan} out.
 */
public final class Sizing {

  private Sizing() {}

  public static Plan plan(Deployment deployment) {
    Budget budget = Budget.of(deployment.database());
    List<App> apps = deployment.apps();

    long fixedTotal = 0;
    long freeInstances = 0;
    boolean weighted = false;
    for (App app : apps) {
      if (app.isFixed()) {
        fixedTotal =
            Math.addExact(
                fixedTotal, Math.multiplyExact(app.instances(), app.connectionLimit().getAsLong()));
      } else {
        freeInstances = Math.addExact(freeInstances, app.instances());
        weighted |= app.weight().isPresent();
      }
    }
    long remaining = budget.budget() - fixedTotal;

    long[] limits = new long[apps.size()];
    long[] bonus = new long[apps.size()];
    Split split;
    if (freeInstances == 0) {
      split = new Split(Split.Kind.NONE, fixedTotal, remaining, 0, BigDecimal.ZERO, 0, 0);
    } else if (weighted) {
      split = weightedSplit(apps, fixedTotal, remaining, freeInstances, limits, bonus);
    } else {
      long each = Math.floorDiv(remaining, freeInstances);
      for (int i = 0; i < apps.size(); i++) {
        limits[i] = each;
      }
      split =
          new Split(
              Split.Kind.EQUAL, fixedTotal, remaining, freeInstances, BigDecimal.ZERO, 0, each);
    }

    List<AppPlan> rows = new ArrayList<>(apps.size());
    long total = 0;
    for (int i = 0; i < apps.size(); i++) {
      App app = apps.get(i);
      long limit = app.isFixed() ? app.connectionLimit().getAsLong() : limits[i];
      LimitSource source =
          app.isFixed()
              ? LimitSource.FIXED
              : split.kind() == Split.Kind.WEIGHTED ? LimitSource.WEIGHTED : LimitSource.EQUAL;
      long appTotal = Math.multiplyExact(app.instances(), limit);
      total = Math.addExact(total, appTotal);
      rows.add(new AppPlan(app, app.instances(), limit, source, bonus[i], appTotal));
    }

    List<Finding> findings = new ArrayList<>(Findings.of(budget, split, rows, total));
    findings.addAll(ProviderFindings.of(deployment.database(), budget, total));
    return new Plan(
        deployment, budget, split, rows, total, statusOf(budget, rows, total), findings);
  }

  /** The verdict of docs/ARCHITECTURE.md, exactly: error, then warning, else ok. */
  static Status statusOf(Budget budget, List<AppPlan> rows, long total) {
    return budget.statusOf(total, rows.stream().anyMatch(r -> r.connectionLimit() < 1));
  }

  /**
   * limit = floor(remaining × weight / W), W = Σ weight × instances; then the leftover goes, one
   * step each, to the apps that lost the largest fractional part, while an app's instances fit in
   * what is left. The fraction lost is compared as remaining × weight − limit × W: exact, and on
   * the same scale for every app.
   */
  private static Split weightedSplit(
      List<App> apps,
      long fixedTotal,
      long remaining,
      long freeInstances,
      long[] limits,
      long[] bonus) {
    BigDecimal rem = BigDecimal.valueOf(remaining);
    BigDecimal totalWeight = BigDecimal.ZERO;
    for (App app : apps) {
      if (!app.isFixed()) {
        totalWeight = totalWeight.add(weightOf(app).multiply(BigDecimal.valueOf(app.instances())));
      }
    }
    List<Integer> free = new ArrayList<>();
    BigDecimal[] lost = new BigDecimal[apps.size()];
    long given = 0;
    for (int i = 0; i < apps.size(); i++) {
      App app = apps.get(i);
      if (app.isFixed()) {
        continue;
      }
      BigDecimal share = rem.multiply(weightOf(app));
      limits[i] = share.divide(totalWeight, 0, RoundingMode.FLOOR).longValueExact();
      lost[i] = share.subtract(BigDecimal.valueOf(limits[i]).multiply(totalWeight));
      given = Math.addExact(given, Math.multiplyExact(app.instances(), limits[i]));
      free.add(i);
    }
    long leftover = remaining - given;
    // List.sort is stable, so equal fractions keep file order.
    free.sort(Comparator.comparing((Integer i) -> lost[i]).reversed());
    long left = leftover;
    for (int i : free) {
      long instances = apps.get(i).instances();
      if (instances <= left) {
        limits[i] += 1;
        bonus[i] = 1;
        left -= instances;
      }
    }
    return new Split(
        Split.Kind.WEIGHTED, fixedTotal, remaining, freeInstances, totalWeight, leftover, 0);
  }

  private static BigDecimal weightOf(App app) {
    return app.weight().orElse(BigDecimal.ONE);
  }
}
