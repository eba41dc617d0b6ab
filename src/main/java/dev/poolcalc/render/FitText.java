package dev.poolcalc.render;

import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Line;
import dev.poolcalc.engine.Overrun;
import dev.poolcalc.engine.PeakFindings;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Remedy;
import dev.poolcalc.engine.Severity;
import dev.poolcalc.engine.Status;
import dev.poolcalc.report.Advice;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The sentences that say what pushes a plan over and what would fit, shared by check formats. */
final class FitText {

  /** Findings the overrun sentence already explains, with better numbers for a check. */
  private static final Set<String> RESTATED = Set.of("over-usable", "over-budget");

  private FitText() {}

  /** "web holds the most: its 3 × 20 = 60 of the 100 connections the pools need, …". */
  static Optional<String> overrun(Advice advice) {
    return advice.overrun().map(FitText::overrun);
  }

  static String overrun(Overrun o) {
    String line =
        o.line() == Line.USABLE
            ? "the " + o.limit() + " connections ordinary roles can get"
            : "the budget of " + o.limit();
    return String.format(
        "%s holds the most: its %s%d × %d = %d of the %d connections the pools need, %d past %s",
        o.app(),
        o.pooler() ? "pools " : "",
        o.instances(),
        o.connectionLimit(),
        o.appConnections(),
        o.total(),
        o.excess(),
        line);
  }

  /** Findings that say which peak (a rollout, an autoscaler) makes the one overflow. */
  static List<Finding> peakReasons(Plan plan) {
    return plan.findings().stream().filter(f -> PeakFindings.CODES.contains(f.code())).toList();
  }

  /** "what would fit the budget of 85 (any one of these)", or empty when nothing is advised. */
  static Optional<String> remediesHeading(Plan plan, Advice advice) {
    if (plan.status() == Status.OK) {
      return Optional.empty();
    }
    boolean serverFits = plan.serverStatus() == Status.OK;
    if (advice.remedies().isEmpty()) {
      return Optional.of(
          serverFits
              ? "no single change to a pooler, connection_limit or max_connections makes it fit;"
                  + " lower replicas or processes, or cap the apps behind it with"
                  + " max_connection_limit"
              : "no single change to connection_limit or max_connections makes it fit;"
                  + " lower replicas or processes");
    }
    return Optional.of(
        (serverFits
                ? "what would make it fit"
                : "what would fit the budget of " + plan.budget().budget())
            + (advice.remedies().size() > 1 ? ", any one of:" : ":"));
  }

  static String remedy(Remedy r) {
    return switch (r.kind()) {
      case LOWER_CONNECTION_LIMIT ->
          String.format(
              "lower %s to connection_limit %d (from %d): total %d",
              r.name().orElseThrow(), r.to(), r.from(), r.totalAfter());
      case RAISE_MAX_CONNECTIONS ->
          String.format(
              "raise max_connections to %d (from %d): budget %d, total %d",
              r.to(), r.from(), r.budgetAfter(), r.totalAfter());
      case RESIZE_INSTANCE ->
          String.format(
              "move %s %s to %s: max_connections %d%s (from %d): budget %d, total %d",
              r.size().orElseThrow().provider(),
              r.size().orElseThrow().from(),
              r.size().orElseThrow().to(),
              r.to(),
              r.size().orElseThrow().upperBound() ? " at most" : "",
              r.from(),
              r.budgetAfter(),
              r.totalAfter());
      case RAISE_RESERVE ->
          String.format(
              "raise reserve to %d (from %d), so the budget stays clear of the superuser slots:"
                  + " budget %d, total %d",
              r.to(), r.from(), r.budgetAfter(), r.totalAfter());
      case RAISE_MAX_CLIENT_CONN ->
          String.format(
              "raise %s's max_client_conn to %d (from %d), so its clients fit its client budget",
              r.name().orElseThrow(), r.to(), r.from());
      case RAISE_DEFAULT_POOL_SIZE ->
          String.format(
              "raise %s's default_pool_size to %d (from %d), so every session gets a server"
                  + " connection: total %d",
              r.name().orElseThrow(), r.to(), r.from(), r.totalAfter());
      case LOWER_DEFAULT_POOL_SIZE ->
          String.format(
              "lower %s's default_pool_size to %d (from %d): total %d",
              r.name().orElseThrow(), r.to(), r.from(), r.totalAfter());
      case LOWER_POOL_SIZE ->
          String.format(
              "lower %s's pool_size to %d (from %d): total %d",
              r.name().orElseThrow(), r.to(), r.from(), r.totalAfter());
      case LOWER_MAX_CONNECTIONS_PERCENT ->
          String.format(
              "lower %s's max_connections_percent to %d (from %d): total %d",
              r.name().orElseThrow(), r.to(), r.from(), r.totalAfter());
      case USE_TRANSACTION_MODE ->
          String.format(
              "set %s's pool_mode: transaction: its %d clients then share its %d server"
                  + " connections a transaction at a time (check the apps use no session state:"
                  + " session SET, LISTEN, advisory locks, named prepared statements)",
              r.name().orElseThrow(), r.from(), r.to());
    };
  }

  /** Errors and warnings a check shows besides the overrun (limit-below-one and the like). */
  static List<Finding> otherProblems(Plan plan) {
    return plan.findings().stream()
        .filter(f -> f.severity() != Severity.INFO)
        .filter(f -> !RESTATED.contains(f.code()))
        .toList();
  }
}
