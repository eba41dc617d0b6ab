package dev.poolcalc.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every leaf command reads and writes through, mixed in so that none repeats it: the context
 * (standard input, environment, terminal) and picocli's own out and err, which tests capture.
 */
@Command
final class Io {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  Context context() {
    return ((Main.Poolcalc) spec.root().userObject()).context();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Prints a command's whole output and flushes it. */
  void print(String text) {
    out().print(text);
    out().flush();
  }
}
