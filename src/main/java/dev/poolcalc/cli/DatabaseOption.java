package dev.poolcalc.cli;

import dev.poolcalc.audit.DatabaseTarget;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.config.Problem;
import dev.poolcalc.url.InvalidUrlException;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The live server a command talks to: {@code --db URL}, or {@code --db-env VAR} to keep the
 * password out of the shell history and the process list. Exactly one is required.
 */
final class DatabaseOption {

  @Option(
      names = "--db",
      paramLabel = "URL",
      required = true,
      description =
          "The server: postgresql://user:password@host:port/db (a password is never printed).")
  String url;

  @Option(
      names = "--db-env",
      paramLabel = "VAR",
      required = true,
      description = "Read the server URL from this environment variable, such as DATABASE_URL.")
  String env;

  /** The server to connect to; the file's database.name is the database when the URL has none. */
  DatabaseTarget target(Context context, Optional<String> fileDatabase)
      throws InvalidInputException {
    String flag = url != null ? "--db" : "--db-env " + env;
    String text = url;
    if (text == null) {
      text = context.env().get(env);
      if (text == null || text.isBlank()) {
        throw new InvalidInputException(
            Problem.inFile(
                "poolcalc",
                "--db-env " + env + ": the variable is not set; export it or pass --db URL"));
      }
    }
    try {
      return DatabaseTarget.of(text.trim(), fileDatabase);
    } catch (InvalidUrlException e) {
      throw new InvalidInputException(
          Problem.inFile("poolcalc", flag + " is not a usable connection URL: " + e.getMessage()));
    }
  }
}
