package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one rule for dividing a budget among apps: fixed apps keep their limit, the others share what
 * is left, equally or by weight, with the weighted leftover pass. {@link Sizing} applies it to the
 * server's budget; a pooler's client side applies it to its client budget.
 */
public final class Splitter {

  private Splitter() {}

  /** Divides {@code budget} among {@code apps}, each counted at its peak instances. */
  public static Allocation divide(List<App> apps, long budget) {
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
    long remaining = budget - fixedTotal;

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

    List<Allocation.Share> shares = new ArrayList<>(apps.size());
    for (int i = 0; i < apps.size(); i++) {
      App app = apps.get(i);
      if (app.isFixed()) {
        shares.add(new Allocation.Share(app.connectionLimit().getAsLong(), LimitSource.FIXED, 0));
      } else {
        LimitSource source =
            split.kind() == Split.Kind.WEIGHTED ? LimitSource.WEIGHTED : LimitSource.EQUAL;
        shares.add(new Allocation.Share(limits[i], source, bonus[i]));
      }
    }
    return new Allocation(split, shares);
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
