package dev.poolcalc.audit;

/**
 * The rehearsal would prove nothing on this server now, so it did not start; the message says why.
 */
public final class RehearsalRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  RehearsalRefusedException(String message) {
    super(message, null, false, false);
  }
}
