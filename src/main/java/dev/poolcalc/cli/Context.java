package dev.poolcalc.cli;

import dev.poolcalc.render.Style;
import dev.poolcalc.render.Wrap;
import java.io.Console;
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
    return new Context(System.in, System.getenv(), stdoutIsTerminal());
  }

  /**
   * Up to JDK 21 a console exists only when standard input and output are a terminal. From JDK 22
   * System.console() is never null, and Console.isTerminal() (not in Java 17's API, so called
   * reflectively) tells a terminal from a pipe.
   */
  static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** A terminal's width when COLUMNS does not say: the width terminals open at. */
  static final int DEFAULT_COLUMNS = 80;

  /**
   * Findings wrap on a terminal only, at COLUMNS when it holds a width (shells set it, though most
   * do not export it to the programs they run) or else at 80; piped, each stays one line.
   */
  public Wrap wrap() {
    if (!terminal) {
      return Wrap.NONE;
    }
    String columns = env.getOrDefault("COLUMNS", "").trim();
    if (columns.matches("[0-9]{1,4}") && Integer.parseInt(columns) > 0) {
      return new Wrap(Integer.parseInt(columns));
    }
    return new Wrap(DEFAULT_COLUMNS);
  }

  /** Colour only on a terminal, and never when NO_COLOR is set (no-color.org) or TERM=dumb. */
  public Style style() {
    String noColor = env.get("NO_COLOR");
    boolean color =
        terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    return color ? Style.COLOR : Style.PLAIN;
  }
}
