package dev.poolcalc.engine;

import java.util.Objects;

/**
 * The client connections that share one application_name in the audited database, by state.
 *
 * @param other connections in any other state (idle in transaction (aborted), fastpath, …)
 * @param hidden connections of other roles whose state the auditing role may not read
 */
public record SessionGroup(
    String applicationName,
    long active,
    long idle,
    long idleInTransaction,
    long other,
    long hidden) {

  public SessionGroup {
    Objects.requireNonNull(applicationName, "applicationName");
    if (active < 0 || idle < 0 || idleInTransaction < 0 || other < 0 || hidden < 0) {
      throw new IllegalArgumentException("connection counts must not be negative");
    }
  }

  public long total() {
    return active + idle + idleInTransaction + other + hidden;
  }
}
