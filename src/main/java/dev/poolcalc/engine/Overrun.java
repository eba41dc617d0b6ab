package dev.poolcalc.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * The app whose pools take a plan past its line: walking the apps in file order, the first one
 * after which the running total exceeds what the server can give. In CI that is usually the app a
 * change added or scaled.
 *
 * @param appConnections the app's instances × connection_limit
 * @param before the running total of the apps before it
 * @param total the plan's total
 * @param line which limit is crossed: the budget (warning) or what ordinary roles can use (error)
 * @param limit that line's number of connections
 */
public record Overrun(
    String app,
    long instances,
    long connectionLimit,
    long appConnections,
    long before,
    long total,
    Line line,
    long limit) {

  /** The two lines a plan can cross, in the order they are crossed. */
  public enum Line {
    /** max_connections − reserve, capped by the headroom rule: crossing it is a warning. */
    BUDGET,
    /** What a non-superuser role can ever get: crossing it is an error. */
    USABLE
  }

  public Overrun {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(line, "line");
  }

  /** How many connections the plan asks for past the line. */
  public long excess() {
    return total - limit;
  }

  /** The running total once this app's pools are added. */
  public long reaches() {
    return before + appConnections;
  }

  static Optional<Overrun> of(Plan plan) {
    Budget b = plan.budget();
    long total = plan.totalConnections();
    Line line;
    long limit;
    if (total > b.usable()) {
      line = Line.USABLE;
      limit = b.usable();
    } else if (total > b.budget()) {
      line = Line.BUDGET;
      limit = b.budget();
    } else {
      return Optional.empty();
    }
    long running = 0;
    for (AppPlan app : plan.apps()) {
      long before = running;
      running += app.totalConnections();
      if (running > limit) {
        return Optional.of(
            new Overrun(
                app.name(),
                app.instances(),
                app.connectionLimit(),
                app.totalConnections(),
                before,
                total,
                line,
                limit));
      }
    }
    return Optional.empty();
  }
}
