package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one rule for dividing a budget among apps: fixed apps keep their limit, the others share what
 * is left, equally or by weight, with the weighted leftover pass; an app's max_connection_limit is
 * never passed (water-filling). {@link Sizing} applies it to the server's budget; a pooler's client
 * side applies it to its client budget.
 *
 * <p>Water-filling (DESIGN "Sizing for what really happens"): repeat { split over the free apps;
 * every app whose cap is below the limit the split gave it is held at its cap and counts as fixed }
 * until none is. The split's limit is the floor the rule gives, before the leftover pass; the
 * leftover pass then never takes an app past its cap. What nobody can use stays unallocated.
 */
public final class Splitter {

  private Splitter() {}

  /** Divides {@code budget} among {@code apps}, all at their peak at once, caps included. */
  public static Allocation divide(List<App> apps, long budget) {
    return divide(apps, budget, Rollouts.ALL_AT_ONCE);
  }

  /**
   * Divides {@code budget} among {@code apps}, counting each as {@code mode} says: all at once at
   * its peak instances; one at a time at steady_a, plus room for the largest free surge_a.
   */
  public static Allocation divide(List<App> apps, long budget, Rollouts mode) {
    int n = apps.size();
    boolean[] capped = new boolean[n];
    long[] limits = new long[n];
    long[] bonus = new long[n];
    BigDecimal[] lost = new BigDecimal[n];
    Split split;
    while (true) {
      split = split(apps, budget, mode, capped, limits, lost);
      boolean more = false;
      for (int i = 0; i < n; i++) {
        App app = apps.get(i);
        if (isFree(app, capped[i])
            && app.maxConnectionLimit().isPresent()
            && app.maxConnectionLimit().getAsLong() < limits[i]) {
          capped[i] = true;
          more = true;
        }
      }
      if (!more) {
        break;
      }
    }
    if (split.kind() == Split.Kind.WEIGHTED) {
      leftoverPass(apps, budget, mode, capped, limits, bonus, lost);
    }

    List<Allocation.Share> shares = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      App app = apps.get(i);
      LimitSource source;
      if (app.isFixed()) {
        source = LimitSource.FIXED;
      } else if (capped[i]) {
        source = LimitSource.CAPPED;
      } else {
        source = split.kind() == Split.Kind.WEIGHTED ? LimitSource.WEIGHTED : LimitSource.EQUAL;
      }
      shares.add(new Allocation.Share(limits[i], source, bonus[i]));
    }
    return new Allocation(split, shares);
  }

  private static boolean isFree(App app, boolean capped) {
    return !app.isFixed() && !capped;
  }

  /**
   * One round of the split: fixed and capped apps take steady_a × their limit off the budget, the
   * free ones share the rest. Fills {@code limits} (every app's) and {@code lost} (free apps of a
   * weighted split: remaining × weight − limit × W, the fraction the floor lost, exact and on one
   * scale for every app).
   */
  private static Split split(
      List<App> apps,
      long budget,
      Rollouts mode,
      boolean[] capped,
      long[] limits,
      BigDecimal[] lost) {
    long fixedTotal = 0;
    long freeSteady = 0;
    long freeSurge = 0;
    boolean weighted = false;
    BigDecimal steadyWeight = BigDecimal.ZERO;
    BigDecimal surgeWeight = BigDecimal.ZERO;
    for (int i = 0; i < apps.size(); i++) {
      App app = apps.get(i);
      if (app.isFixed() || capped[i]) {
        limits[i] =
            app.isFixed()
                ? app.connectionLimit().getAsLong()
                : app.maxConnectionLimit().getAsLong();
        fixedTotal = Math.addExact(fixedTotal, Math.multiplyExact(mode.steady(app), limits[i]));
      } else {
        freeSteady = Math.addExact(freeSteady, mode.steady(app));
        freeSurge = Math.max(freeSurge, mode.surge(app));
        weighted |= app.weight().isPresent();
        BigDecimal w = weightOf(app);
        steadyWeight = steadyWeight.add(w.multiply(BigDecimal.valueOf(mode.steady(app))));
        surgeWeight = surgeWeight.max(w.multiply(BigDecimal.valueOf(mode.surge(app))));
      }
    }
    long remaining = budget - fixedTotal;
    if (freeSteady == 0) {
      return new Split(Split.Kind.NONE, mode, fixedTotal, remaining, 0, 0, BigDecimal.ZERO, 0, 0);
    }
    if (!weighted) {
      long each = Math.floorDiv(remaining, Math.addExact(freeSteady, freeSurge));
      for (int i = 0; i < apps.size(); i++) {
        if (isFree(apps.get(i), capped[i])) {
          limits[i] = each;
        }
      }
      return new Split(
          Split.Kind.EQUAL,
          mode,
          fixedTotal,
          remaining,
          freeSteady,
          freeSurge,
          BigDecimal.ZERO,
          0,
          each);
    }
    BigDecimal totalWeight = steadyWeight.add(surgeWeight);
    BigDecimal rem = BigDecimal.valueOf(remaining);
    long given = 0;
    long givenSurge = 0;
    for (int i = 0; i < apps.size(); i++) {
      App app = apps.get(i);
      if (!isFree(app, capped[i])) {
        continue;
      }
      BigDecimal share = rem.multiply(weightOf(app));
      limits[i] = share.divide(totalWeight, 0, RoundingMode.FLOOR).longValueExact();
      lost[i] = share.subtract(BigDecimal.valueOf(limits[i]).multiply(totalWeight));
      given = Math.addExact(given, Math.multiplyExact(mode.steady(app), limits[i]));
      givenSurge = Math.max(givenSurge, Math.multiplyExact(mode.surge(app), limits[i]));
    }
    return new Split(
        Split.Kind.WEIGHTED,
        mode,
        fixedTotal,
        remaining,
        freeSteady,
        freeSurge,
        totalWeight,
        remaining - given - givenSurge,
        0);
  }

  /**
   * The free apps, largest fraction lost first (ties in file order), each get +1 when with it the
   * peak total stays within the budget and the app within its cap. All at once this is DESIGN's
   * "instances ≤ L, and L shrinks by its instances".
   */
  private static void leftoverPass(
      List<App> apps,
      long budget,
      Rollouts mode,
      boolean[] capped,
      long[] limits,
      long[] bonus,
      BigDecimal[] lost) {
    List<Integer> free = new ArrayList<>();
    for (int i = 0; i < apps.size(); i++) {
      if (isFree(apps.get(i), capped[i])) {
        free.add(i);
      }
    }
    // List.sort is stable, so equal fractions keep file order.
    free.sort(Comparator.comparing((Integer i) -> lost[i]).reversed());
    long steadyTotal = 0;
    long worstSurge = 0;
    for (int i = 0; i < apps.size(); i++) {
      App app = apps.get(i);
      steadyTotal = Math.addExact(steadyTotal, Math.multiplyExact(mode.steady(app), limits[i]));
      worstSurge = Math.max(worstSurge, Math.multiplyExact(mode.surge(app), limits[i]));
    }
    for (int i : free) {
      App app = apps.get(i);
      long raised = limits[i] + 1;
      if (app.maxConnectionLimit().isPresent() && raised > app.maxConnectionLimit().getAsLong()) {
        continue;
      }
      long steady = Math.addExact(steadyTotal, mode.steady(app));
      long surge = Math.max(worstSurge, Math.multiplyExact(mode.surge(app), raised));
      if (Math.addExact(steady, surge) <= budget) {
        limits[i] = raised;
        bonus[i] = 1;
        steadyTotal = steady;
        worstSurge = surge;
      }
    }
  }

  private static BigDecimal weightOf(App app) {
    return app.weight().orElse(BigDecimal.ONE);
  }
}
