package dev.poolcalc.render;

import dev.poolcalc.engine.Advice;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Overrun;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Remedy;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The sentences that say what pushes a plan over and what would fit, shared by check formats. */
final class FitText {

  /** Findings the overrun sentence already explains, with better numbers for a check. */
  private static final Set<String> RESTATED = Set.of("over-usable", "over-budget");

  private FitText() {}

  /** "web pushes it over: its 3 × 20 = 60 connections take the running total from …". */
  static Optional<String> overrun(Advice advice) {
    return advice.overrun().map(FitText::overrun);
  }

  static String overrun(Overrun o) {
    String line =
        o.line() == Overrun.Line.USABLE
            ? o.limit() + " connections ordinary roles can get"
            : "budget of " + o.limit();
    String tail =
        o.reaches() == o.total()
            ? String.format(" (%d over)", o.excess())
            : String.format(
                "; with the apps after it the pools need %d, %d over", o.total(), o.excess());
    return String.format(
        "%s pushes it over: its %d × %d = %d connections take the running total from %d to %d,"
            + " past the %s%s",
        o.app(),
        o.instances(),
        o.connectionLimit(),
        o.appConnections(),
        o.before(),
        o.reaches(),
        line,
        tail);
  }

  /** "what would fit the budget of 85 (any one of these)", or empty when nothing is advised. */
  static Optional<String> remediesHeading(Plan plan, Advice advice) {
    if (plan.status() == dev.poolcalc.engine.Status.OK) {
      return Optional.empty();
    }
    if (advice.remedies().isEmpty()) {
      return Optional.of(
          "no single change to connection_limit or max_connections makes it fit;"
              + " lower replicas or processes");
    }
    return Optional.of(
        "what would fit the budget of "
            + plan.budget().budget()
            + (advice.remedies().size() > 1 ? ", any one of:" : ":"));
  }

  static String remedy(Remedy r) {
    return switch (r.kind()) {
      case LOWER_CONNECTION_LIMIT ->
          String.format(
              "lower %s to connection_limit %d (from %d): total %d",
              r.app().orElseThrow(), r.to(), r.from(), r.totalAfter());
      case RAISE_MAX_CONNECTIONS ->
          String.format(
              "raise max_connections to %d (from %d): budget %d, total %d",
              r.to(), r.from(), r.budgetAfter(), r.totalAfter());
      case RAISE_RESERVE ->
          String.format(
              "raise reserve to %d (from %d), so the budget stays clear of the superuser slots:"
                  + " budget %d, total %d",
              r.to(), r.from(), r.budgetAfter(), r.totalAfter());
    };
  }

  /** Errors and warnings a check shows besides the overrun (limit-below-one and the like). */
  static List<Finding> otherProblems(Plan plan) {
    return plan.findings().stream()
        .filter(f -> f.severity() != dev.poolcalc.engine.Severity.INFO)
        .filter(f -> !RESTATED.contains(f.code()))
        .toList();
  }
}
