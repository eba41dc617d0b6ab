package dev.poolcalc.audit;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The server could not be reached, or would not let us in. The message names the host and port and
 * says what went wrong, and never carries the password.
 */
public final class ServerUnreachableException extends Exception {

  private static final long serialVersionUID = 1L;

  private static final String PROTOCOL_VIOLATION = "08P01";

  ServerUnreachableException(String message) {
    super(message, null, false, false);
  }

  /** Says, in the user's terms, why connecting to {@code target} failed. */
  static ServerUnreachableException of(DatabaseTarget target, SQLException e) {
    String where = target.endpoint();
    String role = target.user().orElse("(default)");
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String text = target.redact(postgresText(e));
    String message;
    if (state.startsWith("28")) {
      message =
          String.format(
              "%s refused the login of role %s: %s; check the user and password in the URL",
              where, role, text);
    } else if (state.equals("3D000")) {
      message =
          String.format(
              "%s has no database %s: %s; check the database in the URL",
              where, target.database(), text);
    } else if (state.equals("53300")) {
      message = String.format("%s has no connection slot left for role %s: %s", where, role, text);
    } else {
      message =
          unanswered(target, e).orElse(String.format("cannot connect to %s: %s", where, text));
    }
    return new ServerUnreachableException(message);
  }

  /** The connection broke after login: a query timed out or the server went away. */
  static ServerUnreachableException lost(DatabaseTarget target, SQLException e) {
    return new ServerUnreachableException(
        String.format(
            "lost %s while reading its state: %s",
            target.endpoint(), target.redact(postgresText(e))));
  }

  /**
   * A rehearsal lost the server after its first connection: {@code when} says where, such as "while
   * opening connection 7 of 85".
   */
  static ServerUnreachableException lost(DatabaseTarget target, String when, SQLException e) {
    return new ServerUnreachableException(
        String.format(
            "lost %s %s: %s; check that the server is up, then rehearse again",
            target.endpoint(), when, reason(target, e)));
  }

  /**
   * The server ended some of a rehearsal's connections during the hold and will not take a new one:
   * it went away.
   *
   * @param endedText PostgreSQL's words for the first connection it ended
   */
  static ServerUnreachableException wentAway(
      DatabaseTarget target, long ended, long held, String endedText, SQLException reconnect) {
    return new ServerUnreachableException(
        String.format(
            "lost %s during the hold: the server ended %d of the %d planned connections (%s) and"
                + " a new connection fails (%s); check that it is up, then rehearse again",
            target.endpoint(), ended, held, endedText, reason(target, reconnect)));
  }

  /**
   * Why an attempt or a query failed, in a few words: "connection refused", "no answer within 5 s",
   * or what PostgreSQL or the driver said (with its SQLSTATE).
   */
  static String reason(DatabaseTarget target, SQLException e) {
    if (timedOut(e)) {
      return "no answer within " + target.connectTimeout() + " s";
    }
    if (!fromServer(e) && cause(e, ConnectException.class)) {
      return "connection refused";
    }
    String text = target.redact(postgresText(e));
    return fromServer(e) && e.getSQLState() != null
        ? text + " (SQLSTATE " + e.getSQLState() + ")"
        : text;
  }

  /**
   * The attempt ended before any PostgreSQL spoke: nothing answered in time, nothing listens, no
   * such host, or what answered is something else. Empty when a server did speak, or for anything
   * else.
   */
  static Optional<String> unanswered(DatabaseTarget target, SQLException e) {
    String where = target.endpoint();
    if (timedOut(e)) {
      return Optional.of(
          String.format(
              "cannot reach %s: no answer within %d s (connect_timeout); check the host, port and"
                  + " firewall",
              where, target.connectTimeout()));
    }
    if (cause(e, ConnectException.class)) {
      return Optional.of(
          String.format(
              "cannot reach %s: connection refused; check the host and port, and that PostgreSQL"
                  + " listens there",
              where));
    }
    if (cause(e, UnknownHostException.class)) {
      return Optional.of(
          String.format("cannot reach %s: unknown host; check the host name in the URL", where));
    }
    // pgjdbc's "protocol violation" with no message from the server: the first bytes back were
    // neither PostgreSQL's answer to the TLS request nor a login reply.
    if (PROTOCOL_VIOLATION.equals(e.getSQLState()) && !fromServer(e)) {
      return Optional.of(
          String.format(
              "%s is not a PostgreSQL server: it answered in a way PostgreSQL never does; check"
                  + " the host and port",
              where));
    }
    return Optional.empty();
  }

  /** Whether nothing answered within connect_timeout. */
  static boolean timedOut(SQLException e) {
    return e instanceof SQLTimeoutException || cause(e, SocketTimeoutException.class);
  }

  /**
   * Whether the server is not there to take connections: nothing answered, or PostgreSQL said it is
   * shutting down or starting up (SQLSTATE class 57, operator intervention).
   */
  static boolean serverGone(SQLException e) {
    return !fromServer(e) || String.valueOf(e.getSQLState()).startsWith("57");
  }

  /** Whether PostgreSQL itself sent this error, rather than the driver finding it. */
  static boolean fromServer(SQLException e) {
    return e instanceof PSQLException psql && psql.getServerErrorMessage() != null;
  }

  /** PostgreSQL's own words when it sent any (severity and message), else the driver's. */
  static String postgresText(SQLException e) {
    if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
      ServerErrorMessage server = psql.getServerErrorMessage();
      String severity = server.getSeverity();
      String message = server.getMessage();
      if (message != null) {
        return severity == null ? message : severity + ": " + message;
      }
    }
    return String.valueOf(e.getMessage());
  }

  private static boolean cause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
