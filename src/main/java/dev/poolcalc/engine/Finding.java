package dev.poolcalc.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * Something the plan wants a person to know, with a stable kebab-case code that scripts may match
 * on and a message that says what to do.
 */
public record Finding(Severity severity, String code, String message, Optional<String> app) {

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(app, "app");
  }

  public static Finding of(Severity severity, String code, String message) {
    return new Finding(severity, code, message, Optional.empty());
  }

  public static Finding forApp(Severity severity, String code, String app, String message) {
    return new Finding(severity, code, message, Optional.of(app));
  }
}
