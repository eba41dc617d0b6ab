package dev.poolcalc.providers;

import java.util.List;
import java.util.Optional;

/** A provider or size the catalog does not know, with the closest name it does know. */
public final class UnknownNameException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Optional<String> suggestion;
  private final transient List<String> known;

  UnknownNameException(String message, Optional<String> suggestion, List<String> known) {
    super(message + suggestion.map(s -> "; did you mean '" + s + "'?").orElse(""));
    this.suggestion = suggestion;
    this.known = List.copyOf(known);
  }

  /** The known name closest to what was typed, if one is close enough to be a typo. */
  public Optional<String> suggestion() {
    return suggestion;
  }

  /** Every name that would have been accepted. */
  public List<String> known() {
    return known;
  }
}
