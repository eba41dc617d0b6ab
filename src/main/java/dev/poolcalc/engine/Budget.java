package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

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
    long reserve = db.reserve().resolve(max);
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

  /** True when the headroom rule, not the reserve, sets the budget. */
  public boolean headroomBinds() {
    return headroomCap < afterReserve;
  }
}
