package dev.poolcalc.report;

import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.config.Problem;
import dev.poolcalc.engine.App;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.PoolLoad;
import dev.poolcalc.engine.Sizing;
import dev.poolcalc.engine.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code plan --suggest} proposes: every app sized for what it really needs, re-planned, and
 * the budget that leaves free.
 *
 * <p>The rule, one per app (README "Is the pool big enough?"):
 *
 * <ul>
 *   <li>an app with {@code demand:} gets its needed_limit as a fixed {@code connection_limit} (its
 *       {@code weight}, and a {@code max_connection_limit} below it, go);
 *   <li>an app without demand and with a fixed limit keeps it: nothing says it needs less;
 *   <li>an app without demand and a computed limit gets {@code max_connection_limit} at today's
 *       limit, so that nobody gets more than today and what the demand apps give back stays free
 *       (an app whose limit today is below 1 cannot be capped at it and stays as it is).
 * </ul>
 *
 * <p>The changed deployment is planned again; the suggestion fits only when that plan's status is
 * ok. When it does not, the changes are not offered as a plan to paste.
 *
 * @param current today's plan
 * @param suggested the plan with the changes
 * @param apps one per app, in file order
 * @param least when the suggestion does not fit: the plan with every computed app at 1 beside the
 *     needed limits, the fewest connections they can be given with
 */
public record Suggestion(Plan current, Plan suggested, List<Change> apps, Optional<Plan> least) {

  /** Why an app gets the limit it is suggested. */
  public enum Rule {
    /** Its demand's needed_limit, fixed. */
    DEMAND("demand"),
    /** A fixed connection_limit without demand: kept. */
    FIXED("fixed"),
    /** Computed, capped at today's limit. */
    CAPPED("capped"),
    /** Computed, today's limit below 1: left without a cap. */
    UNCAPPED("uncapped");

    private final String key;

    Rule(String key) {
      this.key = key;
    }

    /** The name JSON prints. */
    public String key() {
      return key;
    }
  }

  /**
   * One app's part of the suggestion.
   *
   * @param currentLimit its connection_limit today
   * @param suggestedLimit its connection_limit in the suggested plan
   * @param neededLimit its demand's needed_limit; empty without demand
   * @param set the keys to write under the app and their values, in the order to write them
   * @param remove the keys to delete from the app
   */
  public record Change(
      String name,
      long currentLimit,
      long suggestedLimit,
      Rule rule,
      OptionalLong neededLimit,
      Map<String, Long> set,
      List<String> remove) {

    public Change {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(neededLimit, "neededLimit");
      set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
      remove = List.copyOf(remove);
    }

    /** Whether the file has to change for this app. */
    public boolean changes() {
      return !set.isEmpty() || !remove.isEmpty();
    }
  }

  public Suggestion {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(suggested, "suggested");
    apps = List.copyOf(apps);
    Objects.requireNonNull(least, "least");
  }

  public static final String SET_LIMIT = "connection_limit";
  public static final String SET_CAP = "max_connection_limit";
  public static final String WEIGHT = "weight";

  /**
   * The suggestion for a planned report.
   *
   * @throws InvalidInputException when the needed limits are too large to add up exactly
   */
  public static Suggestion of(Report report) throws InvalidInputException {
    try {
      return of(report.plan());
    } catch (ArithmeticException e) {
      throw new InvalidInputException(Problem.inFile(report.file(), Report.TOO_LARGE));
    }
  }

  /** The suggestion for {@code plan}: each app changed by its rule, and the plan re-made. */
  public static Suggestion of(Plan plan) {
    List<App> changed = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    List<Map<String, Long>> sets = new ArrayList<>();
    List<List<String>> removes = new ArrayList<>();
    for (AppPlan row : plan.apps()) {
      App app = row.app();
      Map<String, Long> set = new LinkedHashMap<>();
      List<String> remove = new ArrayList<>();
      Rule rule;
      App after = app;
      Optional<PoolLoad> load = row.load();
      if (load.isPresent()) {
        rule = Rule.DEMAND;
        long needed = load.get().neededLimit();
        after = app.withoutWeight().withoutMaxConnectionLimit().withConnectionLimit(needed);
        if (!app.connectionLimit().equals(OptionalLong.of(needed))) {
          set.put(SET_LIMIT, needed);
        }
        if (app.weight().isPresent()) {
          remove.add(WEIGHT);
        }
        OptionalLong cap = app.maxConnectionLimit();
        if (cap.isPresent() && cap.getAsLong() < needed) {
          remove.add(SET_CAP);
        } else if (cap.isPresent()) {
          // A cap at or above the fixed limit is allowed and changes nothing: keep it.
          after = after.withMaxConnectionLimit(cap.getAsLong());
        }
      } else if (app.isFixed()) {
        rule = Rule.FIXED;
      } else if (row.connectionLimit() >= 1) {
        rule = Rule.CAPPED;
        long today = row.connectionLimit();
        after = app.withMaxConnectionLimit(today);
        if (!app.maxConnectionLimit().equals(OptionalLong.of(today))) {
          set.put(SET_CAP, today);
        }
      } else {
        rule = Rule.UNCAPPED;
      }
      changed.add(after);
      rules.add(rule);
      sets.add(set);
      removes.add(remove);
    }
    Plan suggested = Sizing.plan(plan.deployment().withApps(changed));
    List<Change> apps = new ArrayList<>();
    for (int i = 0; i < plan.apps().size(); i++) {
      AppPlan row = plan.apps().get(i);
      apps.add(
          new Change(
              row.name(),
              row.connectionLimit(),
              suggested.apps().get(i).connectionLimit(),
              rules.get(i),
              row.load().map(l -> OptionalLong.of(l.neededLimit())).orElse(OptionalLong.empty()),
              sets.get(i),
              removes.get(i)));
    }
    Optional<Plan> least = Optional.empty();
    if (suggested.status() != Status.OK) {
      List<App> atOne = new ArrayList<>();
      for (int i = 0; i < changed.size(); i++) {
        App app = changed.get(i);
        boolean computed = rules.get(i) == Rule.CAPPED || rules.get(i) == Rule.UNCAPPED;
        atOne.add(
            computed
                ? app.withoutWeight().withoutMaxConnectionLimit().withConnectionLimit(1)
                : app);
      }
      least = Optional.of(Sizing.plan(plan.deployment().withApps(atOne)));
    }
    return new Suggestion(plan, suggested, apps, least);
  }

  /** Whether the suggested plan fits: its status is ok. */
  public boolean fits() {
    return suggested.status() == Status.OK;
  }

  /** budget − suggested total: what the suggestion leaves free (negative: over the budget). */
  public long freed() {
    return suggested.budget().budget() - suggested.totalConnections();
  }

  /** budget − today's total: what today's plan leaves free. */
  public long freeToday() {
    return current.budget().budget() - current.totalConnections();
  }

  /** The apps whose demand needs more than they get today: why a suggestion may not fit. */
  public List<Change> needingMore() {
    return apps.stream()
        .filter(c -> c.rule() == Rule.DEMAND && c.suggestedLimit() > c.currentLimit())
        .toList();
  }

  /** Whether there are lines to paste: it fits, something sizes it, and something changes. */
  public boolean pasteable() {
    return fits() && hasDemand() && apps.stream().anyMatch(Change::changes);
  }

  /** Whether any app has a demand to size by. */
  public boolean hasDemand() {
    return apps.stream().anyMatch(c -> c.rule() == Rule.DEMAND);
  }
}
