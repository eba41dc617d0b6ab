package dev.poolcalc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * What a driver saw when it asked its pool for {@code LIMIT + 1} connections at once, each held by
 * a query that outlasts pool_timeout: how many checkouts succeeded, and after how many milliseconds
 * each failed one gave up, with the library's own error text.
 */
record Outcome(int acquired, List<Long> failedAfterMillis, List<String> errors) {

  /**
   * The contract every client must meet: the server saw exactly the planned limit, the one extra
   * waiter was refused, and it waited about pool_timeout (not at once, not forever).
   */
  void assertHeldTo(int limit, int peakOnServer, int poolTimeoutSeconds) {
    assertThat(peakOnServer).as("peak connections on the server").isEqualTo(limit);
    assertThat(acquired).as("checkouts that got a connection; errors: " + errors).isEqualTo(limit);
    assertThat(failedAfterMillis).as("the extra waiter, refused: " + errors).hasSize(1);
    long timeout = poolTimeoutSeconds * 1000L;
    assertThat(failedAfterMillis.get(0))
        .as("the waiter gave up after about pool_timeout (%d ms)", timeout)
        .isBetween(timeout * 9 / 10, timeout + 1500);
  }
}
