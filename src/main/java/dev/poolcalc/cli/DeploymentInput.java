package dev.poolcalc.cli;

import dev.poolcalc.clients.InvalidUrlException;
import dev.poolcalc.clients.PostgresUrl;
import dev.poolcalc.config.DeploymentFile;
import dev.poolcalc.config.DeploymentReader;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.config.Problem;
import dev.poolcalc.config.SourceLocation;
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

  /** Reads the file and plans it with every finding and each app's client settings. */
  Report report(Context context) throws InvalidInputException {
    return Report.of(load(context));
  }

  static DeploymentFile loadPath(String path, Context context) throws InvalidInputException {
    DeploymentFile file = DeploymentReader.read(path, context.stdin(), context.env());
    var url = file.writtenUrl();
    if (url.isPresent()) {
      try {
        PostgresUrl.parse(url.get());
      } catch (InvalidUrlException e) {
        SourceLocation at =
            file.location("database.url").orElse(new SourceLocation(file.file(), 1, 1));
        throw new InvalidInputException(
            Problem.at(at, "database.url is not a usable connection URL: " + e.getMessage()));
      }
    }
    return file;
  }
}
