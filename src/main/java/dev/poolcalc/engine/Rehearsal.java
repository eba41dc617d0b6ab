package dev.poolcalc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The arithmetic of a rehearsal, which opens every connection the plan allows at once and then one
 * more for the reserve: whether it can tell anything on this server, and which connection
 * PostgreSQL should refuse, if any. Pure: the runner that opens the connections lives in audit.
 */
public final class Rehearsal {

  /** The application_name of the reserve check, the one connection beyond the plan. */
  public static final String RESERVE_APPLICATION_NAME = "poolcalc-rehearse";

  private Rehearsal() {}

  /**
   * Why the rehearsal must not run, if it must not: a plan with a limit below 1 has nothing to
   * prove, and a server whose other clients plus the plan pass max_connections could not tell a bad
   * plan from a busy server.
   */
  public static Optional<String> refusal(Plan plan, Observation probe) {
    for (PoolerPlan pooler : plan.poolers()) {
      Optional<String> refused = PoolerRehearsal.refusal(pooler);
      if (refused.isPresent()) {
        return refused;
      }
    }
    for (AppPlan app : plan.apps()) {
      if (app.connectionLimit() < 1) {
        return Optional.of(
            String.format(
                "%s gets connection_limit %d: fix the plan first (see poolcalc plan)",
                app.name(), app.connectionLimit()));
      }
    }
    long others = probe.allClients();
    long max = probe.server().maxConnections();
    if (others + plan.totalConnections() > max) {
      return Optional.of(
          String.format(
              "%d other client connection%s already hold slots, and with the plan's %d that"
                  + " passes max_connections %d: the rehearsal could not tell a bad plan from a"
                  + " busy server; run it when at most %d other connections are open",
              others,
              others == 1 ? "" : "s",
              plan.totalConnections(),
              max,
              Math.max(0, max - plan.totalConnections())));
    }
    return Optional.empty();
  }

  /**
   * How many connections the probing role can hold at once here, the probe included: the free
   * slots, less those PostgreSQL keeps from it (superuser_reserved_connections unless it is a
   * superuser, reserved_connections unless it may use them).
   */
  public static long slotsForRole(Observation probe) {
    ServerSettings server = probe.server();
    long kept = 0;
    if (!probe.superuser()) {
      kept += server.superuserReservedConnections();
      if (!probe.usesReservedConnections()) {
        kept += server.reservedConnections().orElse(0);
      }
    }
    return Math.max(0, server.maxConnections() - kept - probe.allClients());
  }

  /**
   * Which connection PostgreSQL should refuse, counting from 1 over the direct apps' connections
   * and then the reserve check (their total + 1); empty when all of them fit. The reserve check
   * comes after the poolers' clients ran their queries, so the server connections the poolers then
   * hold ({@link PoolerRehearsal#expectedServerPeak}) take slots before it.
   */
  public static OptionalLong predictedRefusal(Plan plan, Observation probe) {
    long slots = slotsForRole(probe);
    long direct = directConnections(plan);
    long pooled = plan.poolers().stream().mapToLong(PoolerRehearsal::expectedServerPeak).sum();
    return slots < direct + pooled + 1
        ? OptionalLong.of(Math.min(slots, direct) + 1)
        : OptionalLong.empty();
  }

  /** Σ instances × limit over the apps that connect to the server themselves. */
  public static long directConnections(Plan plan) {
    return plan.directApps().stream().mapToLong(AppPlan::totalConnections).sum();
  }

  /** Warnings that make a rehearsal's answer less telling, and why. */
  public static List<Finding> caveats(Plan plan, Observation probe) {
    List<Finding> caveats =
        new ArrayList<>(ServerCheck.differences(plan.deployment().database(), probe.server()));
    if (probe.superuser()) {
      caveats.add(
          Finding.of(
              Severity.WARNING,
              "superuser-rehearsal",
              String.format(
                  "role %s is a superuser: PostgreSQL lets it use the %d"
                      + " superuser_reserved_connections your apps cannot; rehearse as the"
                      + " apps' own role",
                  probe.role(), probe.server().superuserReservedConnections())));
    }
    return caveats;
  }
}
