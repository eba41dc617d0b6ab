package dev.poolcalc.render;

import dev.poolcalc.engine.PoolerPlan;
import dev.poolcalc.engine.PoolerRehearsal;
import dev.poolcalc.engine.PoolerRehearsalResult;
import dev.poolcalc.engine.PoolerRehearsalResult.ClientProbe;
import dev.poolcalc.engine.RehearsalResult.Opened;
import dev.poolcalc.engine.RehearsalResult.Refusal;
import dev.poolcalc.engine.Status;

/**
 * One pooler's part of a rehearsal's report: its apps' client connections, the peak of server
 * connections against the planned server_connections (the verdict), and what PgBouncer answered one
 * client past max_client_conn.
 */
final class PoolerRehearsalText {

  private PoolerRehearsalText() {}

  static String render(PoolerRehearsalResult r, Style style) {
    PoolerPlan pooler = r.pooler();
    StringBuilder out = new StringBuilder();
    out.append(
            style.bold(
                String.format(
                    "Through %s (%s, %s mode) at %s: %d client connections to open, %d server"
                        + " connections planned",
                    r.name(),
                    pooler.pooler().kind().key(),
                    pooler.pooler().poolMode().map(m -> m.key()).orElse("-"),
                    r.endpoint(),
                    pooler.clientConnections(),
                    pooler.serverConnections())))
        .append("\n\n");
    Columns table = new Columns("APP", "PLANNED", "OPENED");
    for (Opened o : r.opened()) {
      table.row(o.app(), Long.toString(o.planned()), Long.toString(o.opened()));
    }
    table.rule();
    table.row("total", Long.toString(pooler.clientConnections()), Long.toString(r.totalOpened()));
    out.append(table.render(style)).append('\n');
    out.append(style.status(r.held() ? Status.OK : Status.ERROR, verdict(r))).append('\n');
    out.append(expected(r)).append('\n');
    out.append(probe(r)).append('\n');
    return out.toString();
  }

  private static String verdict(PoolerRehearsalResult r) {
    long planned = r.pooler().serverConnections();
    if (r.refusal().isPresent()) {
      Refusal x = r.refusal().get();
      return String.format(
          "FAILED: %s refused client connection %d of %d, %s's connection %d: %s",
          r.name(), x.ordinal(), r.pooler().clientConnections(), x.app(), x.appOrdinal(), why(x));
    }
    String peak =
        String.format(
            "%d client%s ran a query at once; PostgreSQL showed at most %d server connection%s"
                + " from %s",
            r.queries(),
            r.queries() == 1 ? "" : "s",
            r.serverPeak(),
            r.serverPeak() == 1 ? "" : "s",
            r.name());
    if (!r.withinServerConnections()) {
      return String.format(
          "FAILED: %s, past its planned server_connections %d; check default_pool_size,"
              + " reserve_pool_size and max_db_connections in its pgbouncer.ini",
          peak, planned);
    }
    if (r.completed() < r.queries()) {
      long waiting = r.queries() - r.completed();
      String cause =
          r.pooler().pooler().sessionMode()
              ? ": in session mode each client holds a server connection for its whole session,"
                  + " so the others wait"
              : "";
      return String.format(
          "FAILED: %s, within the planned %d; but %d of the %d queries did not run%s%s",
          peak,
          planned,
          waiting,
          r.queries(),
          r.queryError().map(e -> " (" + e + ")").orElse(""),
          cause);
    }
    return String.format(
        "OK: %s, within its planned server_connections %d; all %d queries ran",
        peak, planned, r.queries());
  }

  private static String expected(PoolerRehearsalResult r) {
    PoolerPlan p = r.pooler();
    long expected = PoolerRehearsal.expectedServerPeak(p);
    String arithmetic =
        String.format(
            "min(%d clients, %d server connections) = %d",
            p.clientConnections(), p.serverConnections(), expected);
    if (!PoolerRehearsal.exact(p)) {
      return "Expected at most "
          + arithmetic
          + ": one role through one address may reach fewer when the pooler has several"
          + " processes or pairs, and reserve_pool_size only after reserve_pool_timeout";
    }
    return (r.refusal().isEmpty() && r.serverPeak() == expected
            ? "As predicted: "
            : "NOT as predicted: ")
        + arithmetic
        + " at once";
  }

  private static String probe(PoolerRehearsalResult r) {
    ClientProbe probe = r.probe();
    if (probe.skipped().isPresent()) {
      return "max_client_conn + 1: not tried: " + probe.skipped().get();
    }
    long capacity = r.pooler().clientCapacity().orElseThrow();
    long planned = probe.planned().orElseThrow();
    if (probe.refusal().isEmpty()) {
      return String.format(
          "NOT as predicted: max_client_conn %d, yet all %d client connections got in (the plan's"
              + " %d and %d more): %s accepts more clients than the plan says",
          capacity, capacity + 1, r.totalOpened(), planned, r.name());
    }
    Refusal x = probe.refusal().get();
    return String.format(
        "%smax_client_conn %d: with the plan's %d clients and %d more open, %s refused client"
            + " %d: %s",
        probe.asPredicted() ? "As predicted: " : "NOT as predicted: ",
        capacity,
        r.totalOpened(),
        probe.opened(),
        r.name(),
        x.ordinal(),
        why(x));
  }

  private static String why(Refusal x) {
    return x.message() + (x.sqlState().isEmpty() ? "" : " (SQLSTATE " + x.sqlState() + ")");
  }
}
