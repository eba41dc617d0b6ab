package dev.poolcalc.render;

import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Observation;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.PoolerPlan;
import dev.poolcalc.engine.PoolerRehearsal;
import dev.poolcalc.engine.PoolerRehearsalResult;
import dev.poolcalc.engine.Rehearsal;
import dev.poolcalc.engine.RehearsalResult;
import dev.poolcalc.engine.RehearsalResult.Ended;
import dev.poolcalc.engine.RehearsalResult.Opened;
import dev.poolcalc.engine.RehearsalResult.Refusal;
import dev.poolcalc.engine.ServerSettings;
import dev.poolcalc.engine.Status;
import java.util.List;

/**
 * A rehearsal's report: how many of each app's planned connections opened, where PostgreSQL refused
 * and in its own words, and whether that is where the arithmetic said it would.
 */
public final class RehearsalRenderer {

  private RehearsalRenderer() {}

  /** Why rehearse stops without --yes: how many connections it would open. */
  public static String needsYes(Plan plan) {
    return "poolcalc: error: rehearse opens up to "
        + most(plan)
        + " connections on the server"
        + throughPoolers(plan)
        + "; run it against staging only, and add --yes to go ahead";
  }

  /** The line on standard error before the first connection opens. */
  public static String starting(Plan plan, String endpoint) {
    return "poolcalc: rehearsing on "
        + endpoint
        + ": up to "
        + most(plan)
        + " connections"
        + throughPoolers(plan);
  }

  /** ", and 11 client connections through bouncer": the planned clients and the probe's. */
  private static String throughPoolers(Plan plan) {
    StringBuilder out = new StringBuilder();
    for (PoolerPlan p : plan.poolers()) {
      if (p.apps().isEmpty()) {
        continue;
      }
      long clients = p.clientConnections() + PoolerRehearsal.probeConnections(p).orElse(0);
      out.append(out.length() == 0 ? ", and " : ", ")
          .append(clients)
          .append(" client connection")
          .append(clients == 1 ? "" : "s")
          .append(" through ")
          .append(p.name());
    }
    return out.toString();
  }

  /** The line on standard error when Ctrl-C ended the rehearsal. */
  public static String interrupted(int closed) {
    return "poolcalc: interrupted; closed all " + closed + " connections";
  }

  /**
   * Every planned connection and one more for the reserve check (and the rehearsal's own first
   * connection when every app goes through a pooler).
   */
  private static long most(Plan plan) {
    return plan.totalConnections() + (plan.directApps().isEmpty() ? 2 : 1);
  }

  public static String render(RehearsalResult result, String endpoint, Style style) {
    Observation probe = result.probe();
    ServerSettings server = probe.server();
    StringBuilder out = new StringBuilder();
    out.append(
            style.bold(
                String.format(
                    "Rehearsal on %s: PostgreSQL %s, max_connections %d, superuser_reserved %d,"
                        + " reserved %s; role %s; %d other client connection%s",
                    endpoint,
                    server.version(),
                    server.maxConnections(),
                    server.superuserReservedConnections(),
                    server.reservedConnections().isPresent()
                        ? Long.toString(server.reservedConnections().getAsLong())
                        : "-",
                    probe.role(),
                    probe.allClients(),
                    probe.allClients() == 1 ? "" : "s")))
        .append("\n\n");

    Columns table = new Columns("APP", "PLANNED", "OPENED");
    for (Opened o : result.opened()) {
      table.row(o.app(), Long.toString(o.planned()), Long.toString(o.opened()));
    }
    table.rule();
    long planned = result.directConnections();
    table.row("total", Long.toString(planned), Long.toString(result.totalOpened()));
    boolean reserveTried =
        result.ended().isEmpty() && (result.refusal().isEmpty() || result.onlyReserveRefused());
    table.row("reserve", "1", reserveTried ? (result.refusal().isEmpty() ? "1" : "0") : "-");
    out.append(table.render(style)).append('\n');

    out.append(style.status(result.held() ? Status.OK : Status.ERROR, verdict(result)))
        .append('\n');
    out.append(prediction(result)).append('\n');
    for (PoolerRehearsalResult p : result.poolers()) {
      out.append('\n').append(PoolerRehearsalText.render(p, style));
    }
    if (!result.poolers().isEmpty()) {
      out.append('\n');
    }
    for (Finding f : result.caveats()) {
      out.append(AuditTableRenderer.finding(f, style)).append('\n');
    }
    out.append("All connections are closed.\n");
    return out.toString();
  }

  private static String verdict(RehearsalResult result) {
    long planned = result.directConnections();
    List<String> failed =
        result.poolers().stream().filter(p -> !p.held()).map(PoolerRehearsalResult::name).toList();
    if (result.refusal().isEmpty() && result.ended().isEmpty() && !failed.isEmpty()) {
      return String.format(
          "FAILED: through %s the plan did not hold (below); the %d direct connections opened"
              + " and one more got in for the reserve",
          String.join(", ", failed), planned);
    }
    if (result.held() && !result.poolers().isEmpty()) {
      return String.format(
          "OK: all %d direct connections opened, every pooler held (below), and one more got in"
              + " for the reserve; the plan held",
          planned);
    }
    if (result.held()) {
      return String.format(
          "OK: all %d planned connections opened and one more got in for the reserve;"
              + " the plan held",
          planned);
    }
    if (!result.ended().isEmpty()) {
      return ended(result);
    }
    Refusal r = result.refusal().orElseThrow();
    String why = r.message() + (r.sqlState().isEmpty() ? "" : " (SQLSTATE " + r.sqlState() + ")");
    if (result.onlyReserveRefused()) {
      return String.format(
          "FAILED: all %d planned connections opened, but PostgreSQL refused one more (%s):"
              + " nothing is left for admins, migrations and backups: %s",
          planned, Rehearsal.RESERVE_APPLICATION_NAME, why);
    }
    return String.format(
        "FAILED: PostgreSQL refused connection %d of %d, %s's connection %d of %d: %s",
        r.ordinal(),
        planned,
        r.app(),
        r.appOrdinal(),
        result.opened().stream()
            .filter(o -> o.app().equals(r.app()))
            .mapToLong(Opened::planned)
            .findFirst()
            .orElse(0),
        why);
  }

  private static String ended(RehearsalResult result) {
    StringBuilder apps = new StringBuilder();
    for (Ended e : result.ended()) {
      long planned =
          result.opened().stream()
              .filter(o -> o.app().equals(e.app()))
              .mapToLong(Opened::opened)
              .findFirst()
              .orElse(0);
      apps.append(apps.length() == 0 ? "" : ", ")
          .append(e.app())
          .append(": ")
          .append(e.connections())
          .append(" of ")
          .append(planned);
    }
    return String.format(
        "FAILED: all %d planned connections opened, but the server ended %d of them during the hold"
            + " (%s): %s; find out what ends connections (pg_terminate_backend,"
            + " idle_session_timeout, a proxy) and rehearse again",
        result.directConnections(), result.totalEnded(), apps, result.ended().get(0).message());
  }

  private static String prediction(RehearsalResult result) {
    Observation probe = result.probe();
    ServerSettings server = probe.server();
    long slots = Rehearsal.slotsForRole(probe);
    String arithmetic =
        String.format(
            "role %s can hold %d connections here: max_connections %d − %d superuser_reserved"
                + " − %d reserved − %d other clients",
            probe.role(),
            slots,
            server.maxConnections(),
            probe.superuser() ? 0 : server.superuserReservedConnections(),
            probe.superuser() || probe.usesReservedConnections()
                ? 0
                : server.reservedConnections().orElse(0),
            probe.allClients());
    long pooled =
        result.plan().poolers().stream().mapToLong(PoolerRehearsal::expectedServerPeak).sum();
    String expected =
        result.predictedRefusal().isPresent()
            ? "so connection " + result.predictedRefusal().getAsLong() + " should be refused"
            : pooled > 0
                ? String.format(
                    "so all %d should get in beside the poolers' %d server connections",
                    result.directConnections() + 1, pooled)
                : "so all " + (result.directConnections() + 1) + " should get in";
    return (result.asPredicted() ? "As predicted: " : "NOT as predicted: ")
        + arithmetic
        + ", "
        + expected;
  }
}
