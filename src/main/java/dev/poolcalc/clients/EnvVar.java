package dev.poolcalc.clients;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One environment variable an app needs: the real value for {@code env}, and how it may be shown
 * anywhere else (a password as {@code ****}).
 */
public record EnvVar(String name, String value, String display) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public EnvVar {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(display, "display");
    if (!validName(name)) {
      throw new IllegalArgumentException("not an environment variable name: " + name);
    }
  }

  /** Letters, digits and '_', not starting with a digit: what every shell and dotenv accept. */
  public static boolean validName(String name) {
    return NAME.matcher(name).matches();
  }

  /** The same variable under another name: {@code env --var} renames the URL variable. */
  public EnvVar named(String other) {
    return new EnvVar(other, value, display);
  }

  /** Never the value: it may hold a password. */
  @Override
  public String toString() {
    return name + "=" + display;
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
