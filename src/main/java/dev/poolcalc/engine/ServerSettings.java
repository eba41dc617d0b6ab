package dev.poolcalc.engine;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a live server says about its size and the slots it keeps from ordinary roles.
 *
 * @param version the server_version text, such as {@code 17.11}
 * @param majorVersion 14 for 14.22, 17 for 17.11
 * @param reservedConnections empty before PostgreSQL 16, which has no such setting
 */
public record ServerSettings(
    String version,
    int majorVersion,
    long maxConnections,
    long superuserReservedConnections,
    OptionalLong reservedConnections) {

  public ServerSettings {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(reservedConnections, "reservedConnections");
  }
}
