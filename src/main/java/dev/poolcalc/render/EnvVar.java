package dev.poolcalc.render;

import java.util.Objects;
import java.util.regex.Pattern;

/** One environment variable an app needs, such as DATABASE_URL, with its real value. */
public record EnvVar(String name, String value) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public EnvVar {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!validName(name)) {
      throw new IllegalArgumentException("not an environment variable name: " + name);
    }
  }

  /** Letters, digits and '_', not starting with a digit: what every shell and dotenv accept. */
  public static boolean validName(String name) {
    return NAME.matcher(name).matches();
  }

  /** Never the value: it may hold a password. */
  @Override
  public String toString() {
    return name + "=****";
  }
}
