package dev.poolcalc.cli;

import dev.poolcalc.render.EnvFormat;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --var NAME} and {@code --only-pool}: which of an app's variables env renders. */
final class EnvSelectionOptions {

  @Option(
      names = "--var",
      paramLabel = "NAME",
      converter = VariableNameConverter.class,
      description =
          "The name of the connection URL variable (default: the client's own, DATABASE_URL for"
              + " Prisma).")
  String variable;

  @Option(
      names = "--only-pool",
      description = "Only the pool variables (size, timeout): no URL, no credentials.")
  boolean onlyPool;

  EnvFormat.Selection selection() {
    return new EnvFormat.Selection(Optional.ofNullable(variable), onlyPool);
  }
}
