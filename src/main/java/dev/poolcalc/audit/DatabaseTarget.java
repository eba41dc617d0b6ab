package dev.poolcalc.audit;

import dev.poolcalc.url.InvalidUrlException;
import dev.poolcalc.url.PostgresUrl;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The server to audit, from a {@code postgresql://} URL: the JDBC URL and driver properties for
 * pgjdbc, and how to name the server in messages, which never carry the password.
 *
 * <p>User and password travel as driver properties, never in the JDBC URL, so no driver message can
 * quote them. Of the URL's parameters only those that change how to reach the server are kept (TLS,
 * connect_timeout, options); Prisma's pool settings mean nothing to one connection.
 */
public final class DatabaseTarget {

  /** Seconds a connection attempt may take when the URL sets no connect_timeout. */
  static final int DEFAULT_CONNECT_TIMEOUT = 5;

  /** A longer connect_timeout waits this long: no one waits longer, and it keeps ms in an int. */
  static final int MAX_CONNECT_TIMEOUT = 3600;

  private static final int DEFAULT_PORT = 5432;
  private static final List<String> TLS_PARAMS =
      List.of("sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword");

  private final List<String> endpoints;
  private final String database;
  private final Optional<String> user;
  private final Optional<String> password;
  private final int connectTimeout;
  private final Optional<String> options;
  private final Properties tls = new Properties();

  /** {@code pooler} with {@code server}'s user and password where its own URL gives none. */
  private DatabaseTarget(DatabaseTarget pooler, DatabaseTarget server) {
    this.endpoints = pooler.endpoints;
    this.database = pooler.database;
    this.user = pooler.user.or(() -> server.user);
    // The server's password goes only with the server's role.
    this.password =
        pooler.password.isPresent() || !this.user.equals(server.user)
            ? pooler.password
            : server.password;
    this.connectTimeout = pooler.connectTimeout;
    this.options = pooler.options;
    this.tls.putAll(pooler.tls);
  }

  private DatabaseTarget(PostgresUrl url, Optional<String> fallbackDatabase) {
    this.endpoints = endpoints(url);
    this.user = url.user().or(() -> url.param("user"));
    this.password = url.password().or(() -> url.param("password"));
    this.database =
        url.database().or(() -> url.param("dbname")).or(() -> fallbackDatabase).orElse("postgres");
    this.connectTimeout =
        url.param("connect_timeout").map(DatabaseTarget::seconds).orElse(DEFAULT_CONNECT_TIMEOUT);
    this.options = url.param("options").filter(o -> !o.isBlank());
    for (String key : TLS_PARAMS) {
      url.param(key).ifPresent(value -> tls.setProperty(key, value));
    }
  }

  /**
   * The target a URL names. {@code jdbc:postgresql://} URLs are taken too. The database is the
   * URL's, else {@code fallbackDatabase} (the file's database.name), else {@code postgres}.
   */
  public static DatabaseTarget of(String url, Optional<String> fallbackDatabase) {
    Objects.requireNonNull(url, "url");
    String text = url.regionMatches(true, 0, "jdbc:", 0, 5) ? url.substring(5) : url;
    return new DatabaseTarget(PostgresUrl.parse(text), fallbackDatabase);
  }

  /**
   * This target (a pooler's address) with {@code server}'s role when its own URL names none, and
   * {@code server}'s password when it gives none for that same role: a pooler's url in the file
   * leaves the password out, and rehearse then logs in through it as it was told to on the server.
   */
  public DatabaseTarget withCredentialsOf(DatabaseTarget server) {
    return new DatabaseTarget(this, server);
  }

  /** {@code host:port} of every host, for messages: {@code db.internal:5432}. */
  public String endpoint() {
    return String.join(", ", endpoints);
  }

  public String database() {
    return database;
  }

  public Optional<String> user() {
    return user;
  }

  public int connectTimeout() {
    return connectTimeout;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + String.join(",", endpoints) + "/" + PostgresUrl.encode(database);
  }

  /**
   * Properties for the audit's one connection: read-only, and every statement bounded, so a stuck
   * server cannot hang the audit.
   */
  Properties auditProperties(String applicationName) {
    Properties props = base(applicationName);
    props.setProperty("socketTimeout", Integer.toString(connectTimeout + 30));
    String session = "-c default_transaction_read_only=on -c statement_timeout=10s";
    props.setProperty("options", options.map(o -> o + " " + session).orElse(session));
    return props;
  }

  /** Properties for a rehearsal's connections: nothing but who they are. */
  Properties rehearsalProperties(String applicationName) {
    Properties props = base(applicationName);
    options.ifPresent(o -> props.setProperty("options", o));
    return props;
  }

  /**
   * Properties for a rehearsal's client connections through a pooler: as {@link
   * #rehearsalProperties}, without server-side prepared statements, since transaction mode moves a
   * client from one server connection to another between transactions.
   */
  Properties pooledProperties(String applicationName) {
    Properties props = rehearsalProperties(applicationName);
    props.setProperty("prepareThreshold", "0");
    return props;
  }

  private Properties base(String applicationName) {
    Properties props = new Properties();
    props.putAll(tls);
    user.ifPresent(u -> props.setProperty("user", u));
    password.ifPresent(p -> props.setProperty("password", p));
    props.setProperty("ApplicationName", applicationName);
    props.setProperty("connectTimeout", Integer.toString(connectTimeout));
    // pg_stat_activity.backend_type needs 10+; this also sends application_name at login
    // instead of a SET afterwards.
    props.setProperty("assumeMinServerVersion", "10");
    return props;
  }

  /** {@code text} with the password, wherever it appears, replaced by {@code ****}. */
  public String redact(String text) {
    if (text == null) {
      return "";
    }
    return password
        .filter(p -> !p.isEmpty())
        .map(p -> text.replace(p, PostgresUrl.MASK))
        .orElse(text);
  }

  private static List<String> endpoints(PostgresUrl url) {
    if (url.hostList().isEmpty()) {
      return List.of("localhost:" + DEFAULT_PORT);
    }
    for (String host : url.hostList()) {
      if (host.startsWith("/") || host.regionMatches(true, 0, "%2F", 0, 3)) {
        throw new InvalidUrlException(
            "\"" + host + "\" is a unix-domain socket, which poolcalc cannot use: give host:port");
      }
    }
    return url.hostList(DEFAULT_PORT);
  }

  private static int seconds(String value) {
    try {
      int seconds = Integer.parseInt(value.trim());
      if (seconds >= 1) {
        return Math.min(seconds, MAX_CONNECT_TIMEOUT);
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new InvalidUrlException(
        "connect_timeout=" + value + " is not a whole number of seconds of at least 1");
  }
}
