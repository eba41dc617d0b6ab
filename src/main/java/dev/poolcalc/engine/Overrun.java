package dev.poolcalc.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * Who to look at first when a plan is past a line: the app, or the pooler, whose pools hold the
 * largest share of the total (ties in file order, apps before poolers). Lowering the biggest
 * consumer is usually the change that helps most; blaming the last app in the file would name
 * whichever team happened to be listed last.
 *
 * @param app the app's or the pooler's name
 * @param pooler whether {@code app} names a pooler: then instances are its processes and the
 *     connection limit is each one's pools
 * @param appConnections the app's instances × connection_limit (a pooler's server connections)
 * @param total the plan's total
 * @param line which line is crossed: the budget (warning) or what ordinary roles can use (error)
 * @param limit that line's number of connections
 */
public record Overrun(
    String app,
    boolean pooler,
    long instances,
    long connectionLimit,
    long appConnections,
    long total,
    Line line,
    long limit) {

  public Overrun {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(line, "line");
  }

  /** How many connections the plan asks for past the line. */
  public long excess() {
    return total - limit;
  }

  /** Empty when the plan's total crosses no line. */
  public static Optional<Overrun> of(Plan plan) {
    Budget b = plan.budget();
    long total = plan.totalConnections();
    Optional<Line> crossed = b.crossedBy(total);
    if (crossed.isEmpty()) {
      return Optional.empty();
    }
    Line line = crossed.get();
    Overrun largest = null;
    // Only the direct apps' pools reach the server; apps behind a pooler hold its client slots,
    // and the pooler's own pools are what the server sees of them.
    for (AppPlan app : plan.directApps()) {
      if (largest == null || app.totalConnections() > largest.appConnections()) {
        largest =
            new Overrun(
                app.name(),
                false,
                app.instances(),
                app.connectionLimit(),
                app.totalConnections(),
                total,
                line,
                b.connectionsAt(line));
      }
    }
    for (PoolerPlan pooler : plan.poolers()) {
      if (largest == null || pooler.serverConnections() > largest.appConnections()) {
        long processes =
            pooler.pooler().kind() == PoolerKind.PGBOUNCER ? pooler.pooler().replicas() : 1;
        largest =
            new Overrun(
                pooler.name(),
                true,
                processes,
                pooler.serverConnections() / processes,
                pooler.serverConnections(),
                total,
                line,
                b.connectionsAt(line));
      }
    }
    return Optional.ofNullable(largest);
  }
}
