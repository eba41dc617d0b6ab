package dev.poolcalc.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * A conformance test that needs something outside Maven (node and npm packages, a Python library)
 * either runs, or says why not. With {@code POOLCALC_REQUIRE_CLIENTS=1} (set by {@code .ci/run},
 * which installs them) a missing one fails the build; elsewhere the test is skipped with the reason
 * printed, never silently.
 */
public final class Requirement {

  private Requirement() {}

  public static void require(boolean present, String what, String howToGetIt) {
    if (present) {
      return;
    }
    String reason = what + " is not available (" + howToGetIt + ")";
    if ("1".equals(System.getenv("POOLCALC_REQUIRE_CLIENTS"))) {
      fail(reason + ", and POOLCALC_REQUIRE_CLIENTS=1 requires it");
    }
    System.err.println("SKIPPED conformance test: " + reason);
    Assumptions.abort(reason);
  }
}
