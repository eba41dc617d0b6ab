package dev.poolcalc.render;

import dev.poolcalc.engine.Budget;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.PoolerPlan;
import java.util.List;

/** The one sentence that says whether the plan fits, shared by every human format. */
public final class Verdict {

  private Verdict() {}

  public static String of(Plan plan) {
    Budget b = plan.budget();
    long total = plan.totalConnections();
    if (plan.serverStatus() != plan.status()) {
      List<String> poolers =
          plan.poolers().stream()
              .filter(p -> p.status() == plan.status())
              .map(PoolerPlan::name)
              .toList();
      return String.format(
          "%s: the server side fits (%d of %d connections, budget %d) but the client side of %s"
              + " does not",
          plan.status().name(), total, b.maxConnections(), b.budget(), String.join(", ", poolers));
    }
    return switch (plan.status()) {
      case OK ->
          String.format(
              "OK: the pools open at most %d of %d connections, budget %d; %d stay free",
              total, b.maxConnections(), b.budget(), plan.freeConnections());
      case WARNING ->
          String.format(
              "WARNING: the pools open at most %d of %d connections, %d over the budget of %d",
              total, b.maxConnections(), total - b.budget(), b.budget());
      case ERROR ->
          plan.directApps().stream().anyMatch(a -> a.connectionLimit() < 1)
              ? "ERROR: the budget cannot give every instance a connection"
              : String.format(
                  "ERROR: the pools open at most %d connections; ordinary roles get only %d of %d",
                  total, b.usable(), b.maxConnections());
    };
  }
}
