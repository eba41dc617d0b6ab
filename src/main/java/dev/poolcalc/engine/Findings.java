package dev.poolcalc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a sized plan into findings: the verdict's reasons first, then advice. */
final class Findings {

  private Findings() {}

  /**
   * @param database the server, whose database.rollouts decides the moment the peak findings name
   * @param rows the apps that connect directly
   * @param poolerServer Σ poolers' server connections, taken off the budget before the split
   */
  static List<Finding> of(
      Database database,
      Budget budget,
      Split split,
      List<AppPlan> rows,
      long total,
      long poolerServer) {
    List<Finding> findings = new ArrayList<>();
    for (AppPlan row : rows) {
      if (row.connectionLimit() < 1) {
        findings.add(limitBelowOne(budget, split, row, poolerServer));
      }
    }
    Optional<Line> crossed = budget.crossedBy(total);
    if (crossed.equals(Optional.of(Line.USABLE))) {
      findings.add(
          Finding.of(
              Severity.ERROR,
              "over-usable",
              String.format(
                  "the pools can open %d connections but ordinary roles get only %d"
                      + " (max_connections %d − %d superuser_reserved − %d reserved):"
                      + " PostgreSQL will refuse the rest; lower the limits or raise"
                      + " max_connections to at least %d",
                  total,
                  budget.usable(),
                  budget.maxConnections(),
                  budget.superuserReserved(),
                  budget.reservedConnections(),
                  budget.maxConnections() + (total - budget.usable()))));
    } else if (crossed.isPresent()) {
      findings.add(
          Finding.of(
              Severity.WARNING,
              "over-budget",
              String.format(
                  "the pools can open %d connections, %d over the budget of %d: admins,"
                      + " migrations and backups may not get in; lower the limits by %d in all",
                  total, total - budget.budget(), budget.budget(), total - budget.budget())));
    }
    findings.addAll(PeakFindings.of(database.rollouts(), budget, rows, total, poolerServer));
    if (budget.headroomBinds()) {
      findings.add(
          Finding.of(
              Severity.INFO,
              "headroom-binds",
              String.format(
                  "the headroom rule sets the budget: floor(%d × %s) = %d is below"
                      + " max_connections − reserve = %d",
                  budget.maxConnections(),
                  budget.headroom().toPlainString(),
                  budget.headroomCap(),
                  budget.afterReserve())));
    }
    if (budget.reserve() == 0 && budget.headroomCap() == budget.maxConnections()) {
      findings.add(
          Finding.of(
              Severity.INFO,
              "no-reserve",
              "nothing is kept back for admins, migrations and backups: set database.reserve"
                  + " (15–20 % is usual) or a headroom below 1"));
    }
    return findings;
  }

  private static Finding limitBelowOne(Budget budget, Split split, AppPlan row, long poolerServer) {
    String why =
        row.source() == LimitSource.FIXED
            ? "its fixed connection_limit is below 1"
            : poolerServer == 0
                ? String.format(
                    "the %d connections left after fixed apps (budget %d − fixed %d) do not give"
                        + " each of %d instances one connection",
                    split.remaining(), budget.budget(), split.fixedTotal(), split.freeInstances())
                : String.format(
                    "the %d connections left after poolers and fixed apps (budget %d − poolers"
                        + " %d − fixed %d) do not give each of %d instances one connection",
                    split.remaining(),
                    budget.budget(),
                    poolerServer,
                    split.fixedTotal(),
                    split.freeInstances());
    return Finding.forApp(
        Severity.ERROR,
        "limit-below-one",
        row.name(),
        String.format(
            "%s gets connection_limit %d: %s; lower replicas, processes or fixed limits, or"
                + " raise max_connections",
            row.name(), row.connectionLimit(), why));
  }
}
