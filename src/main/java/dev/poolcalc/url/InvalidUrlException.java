package dev.poolcalc.url;

/** A connection URL that would not do what it says; the message quotes the offending part. */
public final class InvalidUrlException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidUrlException(String message) {
    super(message);
  }
}
