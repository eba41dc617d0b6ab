package dev.poolcalc.cli;

import dev.poolcalc.config.DeploymentFile;
import dev.poolcalc.config.DeploymentReader;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.report.CheckedFile;
import dev.poolcalc.report.Report;
import picocli.CommandLine.Parameters;

/** The deployment file argument that every planning command takes. */
final class DeploymentInput {

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The deployment file (YAML), or - to read standard input.")
  String path;

  /**
   * Reads and validates the file, including its base URL, with ${NAME} expanded from the context's
   * environment, or says everything wrong with it.
   */
  DeploymentFile load(Context context) throws InvalidInputException {
    return loadPath(path, context);
  }

  /**
   * Reads the file and plans it with every finding and each app's client settings. A variable
   * inside a URL that is not set is shown as written, with a {@code variable-unset} finding: a plan
   * needs no password (DESIGN.md, "Variables that CI does not have").
   */
  Report report(Context context) throws InvalidInputException {
    return Report.of(loadForPlan(path, context));
  }

  /** Plans one file for check; its problems go to standard error and make an invalid result. */
  static CheckedFile check(String path, Io io, boolean strict, boolean demand) {
    try {
      return CheckedFile.planned(Report.of(loadForPlan(path, io.context())), strict, demand);
    } catch (InvalidInputException e) {
      e.problems().forEach(io.err()::println);
      io.err().flush();
      return CheckedFile.invalid(path.equals("-") ? "<stdin>" : path, e.problems());
    }
  }

  /** Reads the file with every variable set, as env, audit and rehearse need it. */
  static DeploymentFile loadPath(String path, Context context) throws InvalidInputException {
    return DeploymentReader.read(path, context.stdin(), context.env());
  }

  /** Reads the file for plan, check and explain: unset variables in URLs stay as written. */
  static DeploymentFile loadForPlan(String path, Context context) throws InvalidInputException {
    return DeploymentReader.read(path, context.stdin(), context.env(), true);
  }
}
