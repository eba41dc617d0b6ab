package dev.poolcalc.clients;

import java.util.Objects;

/**
 * One knob of a client library, named as the library's documentation names it, with the value the
 * plan gives it. Never a secret.
 *
 * @param numeric whether the value is a number (JSON shows it unquoted)
 */
public record Setting(String name, String value, boolean numeric) {

  public Setting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  public static Setting number(String name, long value) {
    return new Setting(name, Long.toString(value), true);
  }

  public static Setting text(String name, String value) {
    return new Setting(name, value, false);
  }
}
