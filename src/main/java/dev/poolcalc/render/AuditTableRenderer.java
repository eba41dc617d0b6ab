package dev.poolcalc.render;

import dev.poolcalc.engine.AuditComparison;
import dev.poolcalc.engine.AuditComparison.AppUsage;
import dev.poolcalc.engine.AuditComparison.PoolerUsage;
import dev.poolcalc.engine.AuditComparison.Unplanned;
import dev.poolcalc.engine.AuditStatus;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Observation;
import dev.poolcalc.engine.ServerSettings;
import dev.poolcalc.engine.Severity;
import dev.poolcalc.engine.Status;

/**
 * An audit for a person: the source document's monitoring result (connections per application_name,
 * idle and active) with each app's planned maximum beside it.
 */
public final class AuditTableRenderer {

  private AuditTableRenderer() {}

  public static String render(AuditComparison audit, String endpoint, Style style) {
    Observation seen = audit.observation();
    ServerSettings server = seen.server();
    Columns table =
        new Columns(
                "APPLICATION_NAME",
                "PLANNED",
                "CONNECTIONS",
                "ACTIVE",
                "IDLE",
                "IDLE_IN_TX",
                "OTHER",
                "STATUS")
            .left(7);
    long active = 0;
    long idle = 0;
    long idleInTx = 0;
    long other = 0;
    for (AppUsage app : audit.apps()) {
      table.row(
          app.name(),
          Long.toString(app.plannedConnections()),
          Long.toString(app.observedConnections()),
          Long.toString(app.active()),
          Long.toString(app.idle()),
          Long.toString(app.idleInTransaction()),
          Long.toString(app.other()),
          app.over() ? "over" : "ok");
      active += app.active();
      idle += app.idle();
      idleInTx += app.idleInTransaction();
      other += app.other();
    }
    for (PoolerUsage pooler : audit.poolers()) {
      table.row(
          pooler.name() + " (" + pooler.kind().key() + ")",
          Long.toString(pooler.plannedConnections()),
          Long.toString(pooler.observedConnections()),
          Long.toString(pooler.active()),
          Long.toString(pooler.idle()),
          Long.toString(pooler.idleInTransaction()),
          Long.toString(pooler.other()),
          pooler.over() ? "over" : "ok");
      active += pooler.active();
      idle += pooler.idle();
      idleInTx += pooler.idleInTransaction();
      other += pooler.other();
    }
    for (Unplanned u : audit.unplanned()) {
      var group =
          seen.sessions().stream()
              .filter(g -> g.applicationName().equals(u.applicationName()))
              .findFirst()
              .orElseThrow();
      table.row(
          AuditComparison.displayName(u.applicationName()),
          "-",
          Long.toString(u.connections()),
          Long.toString(group.active()),
          Long.toString(group.idle()),
          Long.toString(group.idleInTransaction()),
          Long.toString(group.other() + group.hidden()),
          "unplanned");
      active += group.active();
      idle += group.idle();
      idleInTx += group.idleInTransaction();
      other += group.other() + group.hidden();
    }
    table.rule();
    table.row(
        "total",
        Long.toString(audit.plannedTotal()),
        Long.toString(audit.observedTotal()),
        Long.toString(active),
        Long.toString(idle),
        Long.toString(idleInTx),
        Long.toString(other),
        "");

    StringBuilder out = new StringBuilder();
    out.append(
            style.bold(
                String.format(
                    "%s on %s: PostgreSQL %s, max_connections %d, superuser_reserved %d,"
                        + " reserved %s (seen as %s)",
                    seen.database(),
                    endpoint,
                    server.version(),
                    server.maxConnections(),
                    server.superuserReservedConnections(),
                    server.reservedConnections().isPresent()
                        ? Long.toString(server.reservedConnections().getAsLong())
                        : "-",
                    seen.role())))
        .append("\n\n");
    out.append(table.render(style));
    out.append('\n');
    out.append(
        String.format(
            "Client connections in all databases: %d of max_connections %d (%s%%)",
            seen.allClients(),
            server.maxConnections(),
            audit.utilizationPercent().toPlainString()));
    if (seen.otherDatabases() > 0) {
      out.append(String.format(", %d of them to other databases", seen.otherDatabases()));
    }
    for (PoolerUsage pooler : audit.poolers()) {
      out.append(
          String.format(
              "%n%s: its server connections, counted by the application_names of the apps"
                  + " behind it (%s), which it sets on them",
              pooler.name(), pooler.apps().isEmpty() ? "none" : String.join(", ", pooler.apps())));
    }
    out.append("\n\n");
    out.append(
            style.status(
                audit.status() == AuditStatus.OK ? Status.OK : Status.ERROR, verdict(audit)))
        .append('\n');
    for (Finding f : audit.findings()) {
      out.append(finding(f, style)).append('\n');
    }
    return out.toString();
  }

  private static String verdict(AuditComparison audit) {
    if (audit.status() == AuditStatus.OK) {
      return String.format(
          "OK: every app is within its plan (%d connections open, %d planned at most) and the"
              + " server has the settings the file says",
          audit.observedTotal()
              - audit.unplanned().stream().mapToLong(Unplanned::connections).sum(),
          audit.plannedTotal());
    }
    long errors = audit.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
    return String.format(
        "DRIFT: the server does not match the plan (%d problem%s below)",
        errors, errors == 1 ? "" : "s");
  }

  static String finding(Finding f, Style style) {
    Status status =
        switch (f.severity()) {
          case ERROR -> Status.ERROR;
          case WARNING -> Status.WARNING;
          case INFO -> Status.OK;
        };
    return style.status(status, f.severity().label()) + ": " + f.message() + " [" + f.code() + "]";
  }
}
