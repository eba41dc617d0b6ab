package dev.poolcalc.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares the settings the plan was computed from with the ones the server really has: a plan for
 * max_connections 100 proves nothing about a server with 50.
 */
public final class ServerCheck {

  static final String CODE = "server-settings-differ";

  private ServerCheck() {}

  public static List<Finding> differences(Database file, ServerSettings server) {
    List<Finding> findings = new ArrayList<>();
    differ(findings, "max_connections", server.maxConnections(), file.maxConnections());
    differ(
        findings,
        "superuser_reserved_connections",
        server.superuserReservedConnections(),
        file.superuserReservedConnections());
    if (server.reservedConnections().isPresent()) {
      differ(
          findings,
          "reserved_connections",
          server.reservedConnections().getAsLong(),
          file.reservedConnections());
    } else if (file.reservedConnections() > 0) {
      findings.add(
          Finding.of(
              Severity.ERROR,
              CODE,
              String.format(
                  "the file sets database.reserved_connections %d, but PostgreSQL %d has no"
                      + " such setting (it came in 16): set it to 0 or remove it",
                  file.reservedConnections(), server.majorVersion())));
    }
    return findings;
  }

  private static void differ(List<Finding> findings, String key, long server, long file) {
    if (server != file) {
      findings.add(
          Finding.of(
              Severity.ERROR,
              CODE,
              String.format(
                  "the server's %s is %d but the file says %d: set database.%s to %d and"
                      + " plan again",
                  key, server, file, key, server)));
    }
  }
}
