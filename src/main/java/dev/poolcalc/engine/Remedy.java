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
 */
public record Remedy(
    Kind kind, Optional<String> app, long from, long to, long totalAfter, long budgetAfter) {

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
    RAISE_RESERVE
  }

  public Remedy {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(app, "app");
    if (kind == Kind.LOWER_CONNECTION_LIMIT && app.isEmpty()) {
      throw new IllegalArgumentException("lowering a connection_limit names its app");
    }
  }
}
