package dev.poolcalc.audit;

import dev.poolcalc.engine.Observation;
import dev.poolcalc.engine.ServerSettings;
import dev.poolcalc.engine.SessionGroup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The few catalogue queries an audit needs, read into an engine {@link Observation}. */
final class ActivityQueries {

  private static final String SETTINGS =
      "SELECT name, setting FROM pg_settings WHERE name IN ('server_version',"
          + " 'server_version_num', 'max_connections', 'superuser_reserved_connections',"
          + " 'reserved_connections')";

  private static final String ROLE =
      "SELECT current_user, current_database(), r.rolsuper,"
          + " r.rolsuper OR pg_has_role(current_user, 'pg_read_all_stats', 'USAGE')"
          + " FROM pg_roles r WHERE r.rolname = current_user";

  /** pg_use_reserved_connections exists from 16 on; asking earlier is an error. */
  private static final String RESERVED_ROLE =
      "SELECT pg_has_role(current_user, 'pg_use_reserved_connections', 'USAGE')";

  /**
   * Client backends only, our own left out. Without pg_read_all_stats, other roles' rows keep their
   * database, role and application_name but lose backend_type and state: those are counted as
   * hidden (background processes have no role or no database, so they stay out).
   */
  private static final String ACTIVITY =
      "SELECT datname::text = ? AS in_database, coalesce(application_name, '') AS app,"
          + " backend_type IS NULL AS hidden, coalesce(state, '') AS state, count(*) AS n"
          + " FROM pg_stat_activity"
          + " WHERE pid <> pg_backend_pid() AND datid IS NOT NULL"
          + " AND (backend_type = 'client backend'"
          + " OR (backend_type IS NULL AND usesysid IS NOT NULL))"
          + " GROUP BY 1, 2, 3, 4 ORDER BY 2, 3, 4";

  private ActivityQueries() {}

  /**
   * Reads the server's settings, who we are, and its client connections.
   *
   * @param database whose connections to group; empty for the one we are connected to
   */
  static Observation observe(Connection connection, Optional<String> database) throws SQLException {
    ServerSettings server = settings(connection);
    String role;
    String current;
    boolean superuser;
    boolean readsAllStats;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(ROLE)) {
      rs.next();
      role = rs.getString(1);
      current = rs.getString(2);
      superuser = rs.getBoolean(3);
      readsAllStats = rs.getBoolean(4);
    }
    boolean usesReserved = superuser;
    if (!superuser && server.majorVersion() >= 16) {
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery(RESERVED_ROLE)) {
        rs.next();
        usesReserved = rs.getBoolean(1);
      }
    }
    String audited = database.orElse(current);

    Map<String, long[]> groups = new LinkedHashMap<>();
    long otherDatabases = 0;
    try (PreparedStatement st = connection.prepareStatement(ACTIVITY)) {
      st.setString(1, audited);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          long n = rs.getLong("n");
          if (!rs.getBoolean("in_database")) {
            otherDatabases += n;
            continue;
          }
          long[] counts = groups.computeIfAbsent(rs.getString("app"), k -> new long[5]);
          counts[slot(rs.getBoolean("hidden"), rs.getString("state"))] += n;
        }
      }
    }
    List<SessionGroup> sessions = new ArrayList<>();
    groups.forEach((app, c) -> sessions.add(new SessionGroup(app, c[0], c[1], c[2], c[3], c[4])));
    return new Observation(
        server, audited, role, superuser, readsAllStats, usesReserved, sessions, otherDatabases);
  }

  private static int slot(boolean hidden, String state) {
    if (hidden) {
      return 4;
    }
    return switch (state) {
      case "active" -> 0;
      case "idle" -> 1;
      case "idle in transaction" -> 2;
      default -> 3;
    };
  }

  private static ServerSettings settings(Connection connection) throws SQLException {
    Map<String, String> values = new HashMap<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(SETTINGS)) {
      while (rs.next()) {
        values.put(rs.getString(1), rs.getString(2));
      }
    }
    int versionNum = Integer.parseInt(values.get("server_version_num"));
    String reserved = values.get("reserved_connections");
    return new ServerSettings(
        values.get("server_version"),
        versionNum / 10000,
        Long.parseLong(values.get("max_connections")),
        Long.parseLong(values.get("superuser_reserved_connections")),
        reserved == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(reserved)));
  }
}
