package dev.poolcalc.render;

import dev.poolcalc.engine.Budget;
import dev.poolcalc.engine.PoolerPlan;

/** The sentences every human format says of a pooler: its heading and its verdict. */
public final class PoolerText {

  private PoolerText() {}

  /**
   * {@code Behind bouncer (pgbouncer, transaction mode): client capacity 2 × 500 = 1000, client
   * budget floor(1000 × 0.85) = 850}.
   */
  public static String heading(PoolerPlan p, Budget b) {
    String side =
        p.clientCapacity().isPresent()
            ? String.format(
                "client capacity %s, client budget floor(%d × %s) = %d",
                PoolerArithmetic.capacity(p),
                p.clientCapacity().getAsLong(),
                b.headroom().toPlainString(),
                p.clientBudget().getAsLong())
            : "no client capacity set (max_client_conn), so each app brings its connection_limit";
    return "Behind " + p.name() + " (" + PoolerArithmetic.describe(p.pooler()) + "): " + side;
  }

  /** One line: OK, WARNING or ERROR, with the clients against the pooler's limits. */
  public static String verdict(PoolerPlan p) {
    String clients = p.clientConnections() + " clients";
    String multiplex =
        p.pooler().multiplexes() && p.serverConnections() > 0
            ? "; " + PoolerArithmetic.perServerConnection(p)
            : "";
    return switch (p.status()) {
      case OK ->
          p.clientBudget().isPresent()
              ? String.format(
                  "OK: %s, within the client budget of %d%s",
                  clients, p.clientBudget().getAsLong(), multiplex)
              : String.format(
                  "OK: %s on %d server connections%s", clients, p.serverConnections(), multiplex);
      case WARNING ->
          String.format(
              "WARNING: %s, %d over the client budget of %d%s",
              clients,
              p.clientConnections() - p.clientBudget().orElse(0),
              p.clientBudget().orElse(0),
              multiplex);
      case ERROR -> "ERROR: " + clients + ": " + reason(p);
    };
  }

  private static String reason(PoolerPlan p) {
    if (p.apps().stream().anyMatch(a -> a.connectionLimit() < 1)) {
      return "the client budget cannot give every instance a connection";
    }
    if (p.clientCapacity().isPresent() && p.clientConnections() > p.clientCapacity().getAsLong()) {
      return "more than the " + p.clientCapacity().getAsLong() + " it accepts (max_client_conn)";
    }
    return String.format(
        "more than its %d server connections, and in session mode each client holds one",
        p.serverConnections());
  }
}
