package dev.poolcalc.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * Who to look at first when a plan is past a line: the app whose pools hold the largest share of
 * the total (ties in file order). Lowering the biggest consumer is usually the change that helps
 * most; blaming the last app in the file would name whichever team happened to be listed last.
 *
 * @param appConnections the app's instances × connection_limit
 * @param total the plan's total
 * @param line which line is crossed: the budget (warning) or what ordinary roles can use (error)
 * @param limit that line's number of connections
 */
public record Overrun(
    String app,
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
    AppPlan largest = null;
    // Only the direct apps' pools reach the server; apps behind a pooler hold its client slots.
    for (AppPlan app : plan.directApps()) {
      if (largest == null || app.totalConnections() > largest.totalConnections()) {
        largest = app;
      }
    }
    if (largest == null) {
      return Optional.empty();
    }
    Line line = crossed.get();
    return Optional.of(
        new Overrun(
            largest.name(),
            largest.instances(),
            largest.connectionLimit(),
            largest.totalConnections(),
            total,
            line,
            b.connectionsAt(line)));
  }
}
