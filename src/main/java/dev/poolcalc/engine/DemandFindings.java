package dev.poolcalc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Findings about whether each pool is big enough for its app's demand. They never change a plan's
 * status, which says whether the plan fits the server; {@code check --demand} fails on {@link
 * #FAILING}.
 */
public final class DemandFindings {

  public static final String SATURATED = "pool-saturated";
  public static final String TIMEOUTS = "pool-timeouts-likely";
  public static final String LARGER = "pool-larger-than-needed";

  /** The codes {@code check --demand} fails on. */
  public static final Set<String> FAILING = Set.of(SATURATED, TIMEOUTS);

  private DemandFindings() {}

  static List<Finding> of(List<AppPlan> rows) {
    List<Finding> findings = new ArrayList<>();
    for (AppPlan row : rows) {
      if (row.load().isEmpty()) {
        continue;
      }
      PoolLoad load = row.load().get();
      if (load.saturated()) {
        findings.add(
            Finding.forApp(
                Severity.ERROR,
                SATURATED,
                row.name(),
                String.format(
                    Locale.ROOT,
                    "%s's pools are saturated: each of its %d pools gets %s requests/s holding a"
                        + " connection %s ms each, A = %s connections busy on average, but"
                        + " connection_limit is %d; the queue grows until requests time out; it"
                        + " needs connection_limit %d",
                    row.name(),
                    load.steadyPools(),
                    DemandNumbers.number(load.requestsPerPool()),
                    load.demand().dbTimeMs().toPlainString(),
                    DemandNumbers.number(load.offeredLoad()),
                    load.limit(),
                    load.neededLimit())));
        continue;
      }
      if (load.timeoutProbability() > PoolLoad.TIMEOUT_WARNING) {
        findings.add(
            Finding.forApp(
                Severity.WARNING,
                TIMEOUTS,
                row.name(),
                String.format(
                    Locale.ROOT,
                    "%s's pools will time out requests: with A = %s connections busy on average"
                        + " and connection_limit %d, %s of requests wait past pool_timeout (%d s);"
                        + " set connection_limit to %d (its needed_limit) or lower the load",
                    row.name(),
                    DemandNumbers.number(load.offeredLoad()),
                    load.limit(),
                    DemandNumbers.percent(load.timeoutProbability()),
                    load.poolTimeoutSeconds(),
                    load.neededLimit())));
      }
      if (load.limit() > 2 * load.neededLimit()) {
        findings.add(
            Finding.forApp(
                Severity.INFO,
                LARGER,
                row.name(),
                String.format(
                    Locale.ROOT,
                    "%s's connection_limit %d is more than twice the %d its demand needs (at most"
                        + " 1 %% of requests waiting over %s ms): set max_connection_limit: %d to"
                        + " leave the rest of the budget free",
                    row.name(),
                    load.limit(),
                    load.neededLimit(),
                    load.demand().waitMs().toPlainString(),
                    load.neededLimit())));
      }
    }
    return findings;
  }
}
