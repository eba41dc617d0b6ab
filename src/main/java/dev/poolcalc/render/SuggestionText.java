package dev.poolcalc.render;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Budget;
import dev.poolcalc.engine.Demand;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.PoolLoad;
import dev.poolcalc.engine.Severity;
import dev.poolcalc.engine.Status;
import dev.poolcalc.report.Suggestion;
import dev.poolcalc.report.Suggestion.Change;
import java.util.Locale;
import java.util.Map;

/**
 * {@code plan --suggest} for a person: per app today's limit, the suggested one and why, the budget
 * the suggestion frees, and the lines to paste into the file; or, when the needed limits do not
 * fit, how far over they are and no lines to paste.
 */
public final class SuggestionText {

  private SuggestionText() {}

  public static String render(String file, Suggestion suggestion, Style style) {
    Plan now = suggestion.current();
    Budget b = now.budget();
    StringBuilder out = new StringBuilder();
    String name = now.deployment().database().name().map(n -> n + ": ").orElse("");
    out.append(
        String.format(
            "%sbudget %d for the pools; each app with demand at its needed limit, the others"
                + " held at today's%n%n",
            name, b.budget()));
    Columns table = new Columns("APP", "NOW", "", "SUGGESTED", "WHY").left(4);
    for (int i = 0; i < suggestion.apps().size(); i++) {
      Change c = suggestion.apps().get(i);
      table.row(
          c.name(),
          Long.toString(c.currentLimit()),
          "→",
          Long.toString(c.suggestedLimit()),
          why(c, now.apps().get(i)));
    }
    table
        .rule()
        .row(
            "total",
            Long.toString(now.totalConnections()),
            "→",
            Long.toString(suggestion.suggested().totalConnections()),
            "connections at peak, of the budget of " + b.budget());
    out.append(table.render(style)).append('\n');

    if (!suggestion.hasDemand()) {
      out.append(
          "No app has demand: nothing to size by. Add demand: {requests_per_second: R,"
              + " db_time_ms: S} to an app (README \"Is the pool big enough?\").\n");
      return out.toString();
    }
    if (!suggestion.fits()) {
      out.append(style.status(Status.ERROR, "DOES NOT FIT")).append(": ");
      out.append(notFitting(suggestion)).append('\n');
      return out.toString();
    }
    out.append(style.status(Status.OK, "FITS"))
        .append(
            String.format(
                ": the suggested plan opens at most %d of the budget of %d and frees %d (today %d"
                    + " %s free)%n",
                suggestion.suggested().totalConnections(),
                b.budget(),
                suggestion.freed(),
                Math.max(0, suggestion.freeToday()),
                suggestion.freeToday() == 1 ? "is" : "are"));
    if (!suggestion.pasteable()) {
      out.append("\nNothing to change: every app already has the limit suggested.\n");
      return out.toString();
    }
    out.append("\nChange these apps in ").append(file).append(":\n");
    out.append(yaml(suggestion));
    return out.toString();
  }

  /** The apps to change, as entries of apps: to merge by name. */
  static String yaml(Suggestion suggestion) {
    StringBuilder out = new StringBuilder("apps:\n");
    for (Change c : suggestion.apps()) {
      if (!c.changes()) {
        continue;
      }
      out.append("  - name: ").append(c.name()).append('\n');
      for (Map.Entry<String, Long> set : c.set().entrySet()) {
        out.append("    ").append(set.getKey()).append(": ").append(set.getValue()).append('\n');
      }
      for (String key : c.remove()) {
        out.append("    # remove ").append(key).append('\n');
      }
    }
    return out.toString();
  }

  private static String why(Change c, AppPlan today) {
    return switch (c.rule()) {
      case DEMAND -> {
        PoolLoad load = today.load().orElseThrow();
        Demand d = load.demand();
        yield String.format(
            Locale.ROOT,
            "needed: %s requests/s over %d pools, %s ms each, at most 1 %% waiting over %s ms",
            d.requestsPerSecond().toPlainString(),
            load.steadyPools(),
            d.dbTimeMs().toPlainString(),
            d.waitMs().toPlainString());
      }
      case FIXED -> "no demand, fixed connection_limit: kept";
      case CAPPED -> "no demand: max_connection_limit at today's " + c.currentLimit();
      case UNCAPPED -> "no demand, below 1 today: left as it is";
    };
  }

  /**
   * Why the needed limits cannot be given: the least they need, or the suggested plan's verdict.
   */
  private static String notFitting(Suggestion suggestion) {
    StringBuilder needs = new StringBuilder();
    for (Change c : suggestion.needingMore()) {
      needs.append(needs.length() == 0 ? "" : ", ");
      needs.append(
          String.format("%s needs %d (today %d)", c.name(), c.suggestedLimit(), c.currentLimit()));
    }
    String who = needs.length() == 0 ? "the needed limits" : needs.toString();
    Plan least = suggestion.least().orElseThrow();
    Budget b = least.budget();
    if (least.totalConnections() > b.budget()) {
      return String.format(
          "%s; even with every other computed app at 1 the pools would open %d connections, %d"
              + " over the budget of %d. Nothing to paste: raise max_connections, lower a fixed"
              + " limit, or make requests hold a connection for less time (db_time_ms)",
          who, least.totalConnections(), least.totalConnections() - b.budget(), b.budget());
    }
    String verdict =
        suggestion.suggested().findings().stream()
            .filter(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)
            .map(Finding::message)
            .findFirst()
            .orElse("its status is " + suggestion.suggested().status().label());
    return who + "; the suggested plan does not fit: " + verdict + ". Nothing to paste";
  }
}
