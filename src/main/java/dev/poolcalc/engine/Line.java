package dev.poolcalc.engine;

/**
 * The two lines a plan's total can cross, in the order it crosses them. {@link Budget#crossedBy} is
 * the one place that decides which line a total is past; statuses, findings and the overrun all ask
 * it.
 */
public enum Line {
  /** max_connections − reserve, capped by the headroom rule: past it admins may not get in. */
  BUDGET(Status.WARNING, Severity.WARNING),
  /** What a non-superuser role can ever get: past it PostgreSQL refuses connections. */
  USABLE(Status.ERROR, Severity.ERROR);

  private final Status status;
  private final Severity severity;

  Line(Status status, Severity severity) {
    this.status = status;
    this.severity = severity;
  }

  /** The plan's status when its total is past this line. */
  public Status status() {
    return status;
  }

  /** How much a finding about a total past this line matters. */
  public Severity severity() {
    return severity;
  }
}
