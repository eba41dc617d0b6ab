package dev.poolcalc.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * One change to the input file that alone makes the plan fit its budget (status ok), found by
 * planning the changed deployment, so it stays true whatever the sizing rules become.
 *
 * @param name the app or pooler to change, for the kinds that change one ({@link Kind#onApp},
 *     {@link Kind#onPooler})
 * @param from the value in the file now; for {@link Kind#USE_TRANSACTION_MODE} the clients the
 *     pooler's apps open
 * @param to the value that fits: the largest limit, or the smallest max_connections, reserve,
 *     max_client_conn or default_pool_size; for {@link Kind#USE_TRANSACTION_MODE} the pooler's
 *     server connections, which its clients then share
 * @param totalAfter the plan's total connections after the change
 * @param budgetAfter the plan's budget after the change
 * @param size for {@link Kind#RESIZE_INSTANCE}: the provider's size now and the one that fits
 */
public record Remedy(
    Kind kind,
    Optional<String> name,
    long from,
    long to,
    long totalAfter,
    long budgetAfter,
    Optional<Resize> size) {

  /** A managed server's size now and the smallest of its family that fits, by catalog name. */
  public record Resize(String provider, String from, String to, boolean upperBound) {

    public Resize {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** A change to a key of the file (a limit, max_connections, the reserve). */
  public Remedy(
      Kind kind, Optional<String> name, long from, long to, long totalAfter, long budgetAfter) {
    this(kind, name, from, to, totalAfter, budgetAfter, Optional.empty());
  }

  /** Which key the remedy changes. */
  public enum Kind {
    /** Lower one app's fixed {@code connection_limit}. */
    LOWER_CONNECTION_LIMIT,
    /** Raise {@code database.max_connections}. */
    RAISE_MAX_CONNECTIONS,
    /**
     * Raise {@code database.reserve}: only when the budget exceeds what ordinary roles can use, so
     * computed limits would hand out slots PostgreSQL keeps for superusers.
     */
    RAISE_RESERVE,
    /**
     * Move to the smallest size of the same provider and family whose catalog max_connections fits:
     * on a managed server that is how max_connections is raised.
     */
    RESIZE_INSTANCE,
    /**
     * Raise a PgBouncer's or Supavisor's {@code max_client_conn}, so its apps' client connections
     * fit its client budget.
     */
    RAISE_MAX_CLIENT_CONN,
    /**
     * Raise a session-mode PgBouncer's {@code default_pool_size}, so every client connection can
     * hold a server connection, while the server side still fits.
     */
    RAISE_DEFAULT_POOL_SIZE,
    /**
     * Set a session-mode pooler's {@code pool_mode: transaction}: clients then hold a server
     * connection only for a transaction, so more clients than server connections is fine.
     */
    USE_TRANSACTION_MODE,
    /** Lower a PgBouncer's {@code default_pool_size}: its pools take less of the server. */
    LOWER_DEFAULT_POOL_SIZE,
    /** Lower a Supavisor's {@code pool_size}. */
    LOWER_POOL_SIZE,
    /** Lower an RDS Proxy's {@code max_connections_percent}. */
    LOWER_MAX_CONNECTIONS_PERCENT;

    /** Whether the remedy changes one app's key. */
    public boolean onApp() {
      return this == LOWER_CONNECTION_LIMIT;
    }

    /** Whether the remedy changes one pooler's key. */
    public boolean onPooler() {
      return this == RAISE_MAX_CLIENT_CONN
          || this == RAISE_DEFAULT_POOL_SIZE
          || this == USE_TRANSACTION_MODE
          || this == LOWER_DEFAULT_POOL_SIZE
          || this == LOWER_POOL_SIZE
          || this == LOWER_MAX_CONNECTIONS_PERCENT;
    }
  }

  public Remedy {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if ((kind.onApp() || kind.onPooler()) != name.isPresent()) {
      throw new IllegalArgumentException("a change to an app or a pooler, and only one, names it");
    }
    Objects.requireNonNull(size, "size");
    if ((kind == Kind.RESIZE_INSTANCE) != size.isPresent()) {
      throw new IllegalArgumentException("a resize, and only a resize, names the sizes");
    }
  }
}
