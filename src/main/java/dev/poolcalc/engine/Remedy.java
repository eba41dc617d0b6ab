package dev.poolcalc.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * One change to the input file that alone makes the plan fit its budget (status ok), found by
 * planning the changed deployment, so it stays true whatever the sizing rules become.
 *
 * @param app the app to change, for {@link Kind#LOWER_CONNECTION_LIMIT}
 * @param from the value in the file now
 * @param to the value that fits: the largest limit, or the smallest max_connections or reserve
 * @param totalAfter the plan's total connections after the change
 * @param budgetAfter the plan's budget after the change
 * @param size for {@link Kind#RESIZE_INSTANCE}: the provider's size now and the one that fits
 */
public record Remedy(
    Kind kind,
    Optional<String> app,
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
      Kind kind, Optional<String> app, long from, long to, long totalAfter, long budgetAfter) {
    this(kind, app, from, to, totalAfter, budgetAfter, Optional.empty());
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
    RESIZE_INSTANCE
  }

  public Remedy {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(app, "app");
    if (kind == Kind.LOWER_CONNECTION_LIMIT && app.isEmpty()) {
      throw new IllegalArgumentException("lowering a connection_limit names its app");
    }
    Objects.requireNonNull(size, "size");
    if ((kind == Kind.RESIZE_INSTANCE) != size.isPresent()) {
      throw new IllegalArgumentException("a resize, and only a resize, names the sizes");
    }
  }
}
