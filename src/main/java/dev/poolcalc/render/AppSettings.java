package dev.poolcalc.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One app's client settings as plan output shows them, secrets already masked.
 *
 * @param settings knob name → value, in order; a value is a {@link Long} or a {@link String}
 * @param snippet code or configuration to paste, if the client takes its pool size in code
 */
public record AppSettings(Map<String, Object> settings, Optional<String> snippet) {

  public AppSettings {
    Objects.requireNonNull(snippet, "snippet");
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** {@code name=value, name=value}: one line for a terminal. */
  String inline() {
    StringBuilder out = new StringBuilder();
    settings.forEach(
        (k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return out.toString();
  }
}
