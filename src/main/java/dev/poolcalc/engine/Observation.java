package dev.poolcalc.engine;

import java.util.List;
import java.util.Objects;

/**
 * One look at a live server: its settings, who looked, and the client connections it held at that
 * moment (the looking connection itself left out).
 *
 * @param database the database whose connections {@code sessions} counts
 * @param role the role that looked
 * @param readsAllStats whether that role sees the state of every role's connections
 *     (pg_read_all_stats or superuser)
 * @param usesReservedConnections whether that role may use reserved_connections (PostgreSQL 16+)
 * @param sessions the client connections to {@code database}, one group per application_name
 * @param otherDatabases client connections to other databases: they take slots too
 */
public record Observation(
    ServerSettings server,
    String database,
    String role,
    boolean superuser,
    boolean readsAllStats,
    boolean usesReservedConnections,
    List<SessionGroup> sessions,
    long otherDatabases) {

  public Observation {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(role, "role");
    sessions = List.copyOf(sessions);
    if (otherDatabases < 0) {
      throw new IllegalArgumentException("otherDatabases must not be negative");
    }
  }

  /** Client connections to the audited database. */
  public long total() {
    return sessions.stream().mapToLong(SessionGroup::total).sum();
  }

  /** Client connections to every database: what takes max_connections slots. */
  public long allClients() {
    return total() + otherDatabases;
  }

  /** Connections whose state this role could not read. */
  public long hidden() {
    return sessions.stream().mapToLong(SessionGroup::hidden).sum();
  }
}
