package dev.poolcalc.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Every connection a rehearsal holds, closed together: when the rehearsal ends, when it fails, and
 * from a shutdown hook on Ctrl-C. Once closed it closes any connection still handed to it, so a
 * connection that was opening while the hook ran does not stay open either.
 */
final class OpenConnections implements AutoCloseable {

  private final List<Connection> connections = new ArrayList<>();
  private final IntConsumer interrupted;
  private final Thread hook = new Thread(this::closeOnShutdown, "poolcalc-rehearse-close");
  private boolean closed;

  /**
   * @param interrupted told how many connections the shutdown hook closed, if it closed any
   */
  OpenConnections(IntConsumer interrupted) {
    this.interrupted = interrupted;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Holds {@code connection} until {@link #close}; closes it at once if that already ran. */
  void add(Connection connection) {
    synchronized (this) {
      if (!closed) {
        connections.add(connection);
        return;
      }
    }
    quietlyClose(connection);
  }

  synchronized int size() {
    return connections.size();
  }

  @Override
  public void close() {
    closeAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook runs anyway and finds nothing left.
    }
  }

  private void closeOnShutdown() {
    int count = closeAll();
    if (count > 0) {
      interrupted.accept(count);
    }
  }

  private int closeAll() {
    List<Connection> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayList<>(connections);
      connections.clear();
    }
    for (Connection connection : toClose) {
      quietlyClose(connection);
    }
    return toClose.size();
  }

  static void quietlyClose(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // A connection that cannot be closed is already gone; the server frees its slot.
    }
  }
}
