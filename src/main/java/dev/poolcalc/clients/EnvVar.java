package dev.poolcalc.clients;

import java.util.Objects;

/**
 * One environment variable an app needs: the real value for {@code env}, and how it may be shown
 * anywhere else (a password as {@code ****}).
 */
public record EnvVar(String name, String value, String display) {

  public EnvVar {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(display, "display");
  }

  /** A variable that holds no secret: shown as it is. */
  public static EnvVar plain(String name, String value) {
    return new EnvVar(name, value, value);
  }

  /** A URL variable: the real URL for env files, the masked one for display. */
  public static EnvVar url(String name, PostgresUrl url) {
    return new EnvVar(name, url.unmasked(), url.masked());
  }
}
