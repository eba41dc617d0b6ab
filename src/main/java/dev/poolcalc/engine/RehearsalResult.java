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
 * @param ended planned connections the server ended during the hold, per app in file order; the
 *     reserve check is not tried then
 * @param refusal the first connection PostgreSQL refused; the rehearsal stops there
 * @param predictedRefusal where {@link Rehearsal#predictedRefusal} expected the first refusal
 * @param poolers what happened through each PgBouncer, in file order; {@code opened} and {@code
 *     refusal} are the direct apps' connections to the server
 */
public record RehearsalResult(
    Plan plan,
    Observation probe,
    List<Opened> opened,
    List<Ended> ended,
    Optional<Refusal> refusal,
    OptionalLong predictedRefusal,
    List<PoolerRehearsalResult> poolers) {

  /** A rehearsal of a plan without poolers. */
  public RehearsalResult(
      Plan plan,
      Observation probe,
      List<Opened> opened,
      List<Ended> ended,
      Optional<Refusal> refusal,
      OptionalLong predictedRefusal) {
    this(plan, probe, opened, ended, refusal, predictedRefusal, List.of());
  }

  /** How many of one app's planned connections were open at the peak. */
  public record Opened(String app, long planned, long opened) {}

  /**
   * Planned connections of one app that the server ended while the rehearsal held them.
   *
   * @param connections how many of the app's connections it ended
   * @param message PostgreSQL's words for the first of them, such as {@code FATAL: terminating
   *     connection due to administrator command (SQLSTATE 57P01)}
   */
  public record Ended(String app, long connections, String message) {

    public Ended {
      Objects.requireNonNull(app, "app");
      Objects.requireNonNull(message, "message");
    }
  }

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
    ended = List.copyOf(ended);
    poolers = List.copyOf(poolers);
  }

  /** The connections the direct apps open on the server themselves: the reserve check is next. */
  public long directConnections() {
    return Rehearsal.directConnections(plan);
  }

  /**
   * Every planned connection opened, stayed open through the hold, and the reserve still admitted
   * one more: the rehearsal stops at the first refusal, so no refusal and nothing ended means all
   * of it; and through every pooler, every client got in and ran its query, and the server saw no
   * more than the pooler's planned server_connections.
   */
  public boolean held() {
    return refusal.isEmpty()
        && ended.isEmpty()
        && poolers.stream().allMatch(PoolerRehearsalResult::held);
  }

  /** How many planned connections the server ended during the hold. */
  public long totalEnded() {
    return ended.stream().mapToLong(Ended::connections).sum();
  }

  /** The first refusal was the reserve check: the plan's connections all got in, nothing more. */
  public boolean onlyReserveRefused() {
    return refusal.isPresent() && refusal.get().ordinal() == directConnections() + 1;
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
