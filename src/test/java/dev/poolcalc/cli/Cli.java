package dev.poolcalc.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs poolcalc in-process, as tests do, and keeps what it printed. */
public final class Cli {

  public record Result(int exitCode, String out, String err) {}

  private Cli() {}

  public static Result run(String... args) {
    return run(Map.of(), "", args);
  }

  public static Result run(Map<String, String> env, String stdin, String... args) {
    return run(false, env, stdin, args);
  }

  /** As if standard output were a terminal: colour unless NO_COLOR, findings wrapped. */
  public static Result onTerminal(Map<String, String> env, String... args) {
    return run(true, env, "", args);
  }

  private static Result run(
      boolean terminal, Map<String, String> env, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context context =
        new Context(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env, terminal);
    int code = Main.run(context, new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
