package dev.poolcalc.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What happened when the plan's connections were opened on a live server.
 *
 * @param probe the server and its other clients as seen just before opening
 * @param opened connections opened per app, in file order
 * @param refusal the first connection PostgreSQL refused; the rehearsal stops there
 * @param predictedRefusal where {@link Rehearsal#predictedRefusal} expected the first refusal
 */
public record RehearsalResult(
    Plan plan,
    Observation probe,
    List<Opened> opened,
    Optional<Refusal> refusal,
    OptionalLong predictedRefusal) {

  /** How many of one app's planned connections were open at the peak. */
  public record Opened(String app, long planned, long opened) {}

  /**
   * A connection PostgreSQL turned away.
   *
   * @param ordinal 1-based over all connections: the plan's, then the reserve check
   * @param app the app whose connection it was, or {@link Rehearsal#RESERVE_APPLICATION_NAME}
   * @param appOrdinal 1-based within the app
   * @param message PostgreSQL's own text, such as {@code FATAL: remaining connection slots are
   *     reserved for roles with the SUPERUSER attribute}
   */
  public record Refusal(
      long ordinal, String app, long appOrdinal, String sqlState, String message) {

    public Refusal {
      Objects.requireNonNull(app, "app");
      Objects.requireNonNull(sqlState, "sqlState");
      Objects.requireNonNull(message, "message");
    }
  }

  public RehearsalResult {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(probe, "probe");
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(predictedRefusal, "predictedRefusal");
    opened = List.copyOf(opened);
  }

  /**
   * Every planned connection opened and the reserve still admitted one more: the rehearsal stops at
   * the first refusal, so no refusal means both.
   */
  public boolean held() {
    return refusal.isEmpty();
  }

  /** The first refusal was the reserve check: the plan's connections all got in, nothing more. */
  public boolean onlyReserveRefused() {
    return refusal.isPresent() && refusal.get().ordinal() == plan.totalConnections() + 1;
  }

  public long totalOpened() {
    return opened.stream().mapToLong(Opened::opened).sum();
  }

  /** Whether PostgreSQL refused exactly where the arithmetic said it would (or nowhere). */
  public boolean asPredicted() {
    return predictedRefusal.isPresent()
        ? refusal.isPresent() && refusal.get().ordinal() == predictedRefusal.getAsLong()
        : refusal.isEmpty();
  }

  public List<Finding> caveats() {
    return Rehearsal.caveats(plan, probe);
  }
}
