package dev.poolcalc.audit;

import dev.poolcalc.engine.Observation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The audit's one connection to a live server: opened within connect_timeout, read-only, every
 * statement bounded, named {@code poolcalc-audit} so it is easy to tell apart, and closed when
 * done.
 */
public final class AuditSession implements AutoCloseable {

  public static final String APPLICATION_NAME = "poolcalc-audit";

  private final DatabaseTarget target;
  private final Connection connection;

  private AuditSession(DatabaseTarget target, Connection connection) {
    this.target = target;
    this.connection = connection;
  }

  public static AuditSession open(DatabaseTarget target) throws ServerUnreachableException {
    try {
      return new AuditSession(
          target, Connector.open(target, target.auditProperties(APPLICATION_NAME)));
    } catch (SQLException e) {
      throw ServerUnreachableException.of(target, e);
    }
  }

  /**
   * The server's settings and client connections now.
   *
   * @param database whose connections to count; empty for the one in the URL
   */
  public Observation observe(Optional<String> database) throws ServerUnreachableException {
    try {
      return ActivityQueries.observe(connection, database);
    } catch (SQLException e) {
      throw ServerUnreachableException.lost(target, e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing can only fail when the connection is already gone, which is what we wanted.
    }
  }
}
