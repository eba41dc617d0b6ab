package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * What the server can give the pools, worked out from the database settings alone.
 *
 * @param reserve the reserve in connections
 * @param afterReserve max_connections − reserve
 * @param headroomCap floor(max_connections × headroom), the rule of thumb
 * @param budget the smaller of the two: what the pools may take together
 * @param usable max_connections minus the slots PostgreSQL keeps from ordinary roles
 */
public record Budget(
    long maxConnections,
    long reserve,
    BigDecimal headroom,
    long afterReserve,
    long headroomCap,
    long budget,
    long superuserReserved,
    long reservedConnections,
    long usable) {

  public static Budget of(Database db) {
    long max = db.maxConnections();
    long reserve = db.reserve().roundedUp(max);
    long afterReserve = max - reserve;
    long headroomCap =
        BigDecimal.valueOf(max)
            .multiply(db.headroom())
            .setScale(0, RoundingMode.FLOOR)
            .longValueExact();
    long usable = max - db.superuserReservedConnections() - db.reservedConnections();
    return new Budget(
        max,
        reserve,
        db.headroom(),
        afterReserve,
        headroomCap,
        Math.min(afterReserve, headroomCap),
        db.superuserReservedConnections(),
        db.reservedConnections(),
        usable);
  }

  /**
   * The furthest line {@code total} connections are past: none, the budget, or what ordinary roles
   * can use. Every verdict on a total is made here.
   */
  public Optional<Line> crossedBy(long total) {
    if (total > usable) {
      return Optional.of(Line.USABLE);
    }
    return total > budget ? Optional.of(Line.BUDGET) : Optional.empty();
  }

  /** The number of connections at a line. */
  public long connectionsAt(Line line) {
    return line == Line.USABLE ? usable : budget;
  }

  /** The status of a plan with this total: error when some limit is below 1, else by the line. */
  public Status statusOf(long total, boolean limitBelowOne) {
    return limitBelowOne ? Status.ERROR : crossedBy(total).map(Line::status).orElse(Status.OK);
  }

  /** True when the headroom rule, not the reserve, sets the budget. */
  public boolean headroomBinds() {
    return headroomCap < afterReserve;
  }
}
