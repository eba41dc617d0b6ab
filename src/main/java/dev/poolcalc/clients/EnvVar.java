package dev.poolcalc.clients;

import dev.poolcalc.url.PostgresUrl;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One environment variable an app needs: the real value for {@code env}, and how it may be shown
 * anywhere else (a password as {@code ****}).
 *
 * @param pool whether it sizes the pool rather than saying where and as whom to connect
 */
public record EnvVar(String name, String value, String display, boolean pool) {

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
    return new EnvVar(other, value, display, pool);
  }

  /** The same variable with {@code edit} applied to its value and its display. */
  public EnvVar mapText(UnaryOperator<String> edit) {
    return new EnvVar(name, edit.apply(value), edit.apply(display), pool);
  }

  /** Never the value: it may hold a password. */
  @Override
  public String toString() {
    return name + "=" + display;
  }

  /** A connection setting that is not secret (a user name, a JDBC URL): shown as it is. */
  public static EnvVar plain(String name, String value) {
    return new EnvVar(name, value, value, false);
  }

  /** A secret, such as a password: the real value for env files, {@code display} elsewhere. */
  public static EnvVar secret(String name, String value, String display) {
    return new EnvVar(name, value, display, false);
  }

  /** A pool setting (size, timeout): no credentials, safe to commit ({@code env --only-pool}). */
  public static EnvVar pool(String name, String value) {
    return new EnvVar(name, value, value, true);
  }

  /** A URL variable: the real URL for env files, the masked one for display. */
  public static EnvVar url(String name, PostgresUrl url) {
    return new EnvVar(name, url.unmasked(), url.masked(), false);
  }
}
