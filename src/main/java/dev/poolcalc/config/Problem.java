package dev.poolcalc.config;

import dev.poolcalc.text.OneLine;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with the input, where it is, and what to do about it. Prints as {@code
 * file:line:col: error: message}, or {@code file: error: message} when there is no line.
 *
 * <p>Always one line: a line break or other control character that a quoted value brings into the
 * message (or a file name into the prefix) is escaped as {@code \n} and the like ({@link OneLine}),
 * so a value can neither break the format nor forge a second problem.
 */
public record Problem(String file, Optional<SourceLocation> location, String message) {

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(location, "location");
    message = OneLine.of(Objects.requireNonNull(message, "message"));
  }

  public static Problem at(SourceLocation location, String message) {
    return new Problem(location.file(), Optional.of(location), message);
  }

  public static Problem inFile(String file, String message) {
    return new Problem(file, Optional.empty(), message);
  }

  @Override
  public String toString() {
    return OneLine.of(location.map(SourceLocation::toString).orElse(file)) + ": error: " + message;
  }
}
