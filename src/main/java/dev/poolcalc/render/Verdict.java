package dev.poolcalc.render;

import dev.poolcalc.engine.Budget;
import dev.poolcalc.engine.Plan;

/** The one sentence that says whether the plan fits, shared by every human format. */
public final class Verdict {

  private Verdict() {}

  public static String of(Plan plan) {
    Budget b = plan.budget();
    long total = plan.totalConnections();
    return switch (plan.status()) {
      case OK ->
          String.format(
              "OK: the pools open at most %d of %d connections, within the budget of %d; %d stay free",
              total, b.maxConnections(), b.budget(), plan.freeConnections());
      case WARNING ->
          String.format(
              "WARNING: the pools open at most %d of %d connections, %d over the budget of %d;"
                  + " the reserve for admins, migrations and backups is not kept",
              total, b.maxConnections(), total - b.budget(), b.budget());
      case ERROR ->
          plan.apps().stream().anyMatch(a -> a.connectionLimit() < 1)
              ? "ERROR: the budget cannot give every instance a connection"
              : String.format(
                  "ERROR: the pools open at most %d connections but ordinary roles get only %d of %d;"
                      + " PostgreSQL will refuse the rest (\"too many clients\")",
                  total, b.usable(), b.maxConnections());
    };
  }
}
