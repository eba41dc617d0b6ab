package dev.poolcalc.cli;

import java.io.InputStream;
import java.util.Map;

/**
 * What a command may read from the world besides its arguments: standard input, the environment and
 * whether standard output is a terminal. Tests pass their own.
 */
public record Context(InputStream stdin, Map<String, String> env, boolean terminal) {

  public Context {
    env = Map.copyOf(env);
  }

  public static Context system() {
    return new Context(System.in, System.getenv(), System.console() != null);
  }

  /** Colour only on a terminal, and never when NO_COLOR is set (no-color.org) or TERM=dumb. */
  public boolean color() {
    String noColor = env.get("NO_COLOR");
    return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }
}
