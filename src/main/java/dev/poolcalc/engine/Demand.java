package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The traffic an app's pools serve, as written under {@code demand:}.
 *
 * @param requestsPerSecond R: requests per second across all of the app's replicas
 * @param dbTimeMs S: how long one request holds a pooled connection, in milliseconds
 * @param waitMs how long a request may wait for a connection before the wait counts as long
 */
public record Demand(BigDecimal requestsPerSecond, BigDecimal dbTimeMs, BigDecimal waitMs) {

  /** The default of {@code wait_ms}. */
  public static final BigDecimal DEFAULT_WAIT_MS = BigDecimal.TEN;

  public Demand {
    Objects.requireNonNull(requestsPerSecond, "requestsPerSecond");
    Objects.requireNonNull(dbTimeMs, "dbTimeMs");
    Objects.requireNonNull(waitMs, "waitMs");
    if (requestsPerSecond.signum() <= 0 || dbTimeMs.signum() <= 0) {
      throw new IllegalArgumentException("requests_per_second and db_time_ms must be positive");
    }
    if (waitMs.signum() < 0) {
      throw new IllegalArgumentException("wait_ms must not be negative");
    }
  }
}
