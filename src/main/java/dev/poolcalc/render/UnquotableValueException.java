package dev.poolcalc.render;

/**
 * A value no .env quoting carries the same way for every reader (dotenv, python-dotenv, Compose, a
 * POSIX shell): invalid input for that format, exit 2. The message names the variable, never its
 * value.
 */
public final class UnquotableValueException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnquotableValueException(String message) {
    super(message, null, false, false);
  }
}
