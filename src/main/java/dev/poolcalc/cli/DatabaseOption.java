package dev.poolcalc.cli;

import dev.poolcalc.audit.DatabaseTarget;
import dev.poolcalc.clients.InvalidUrlException;
import dev.poolcalc.clients.PostgresUrl;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.config.Problem;
import java.util.ArrayList;
import java.util.List;
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
          Problem.inFile(
              "poolcalc",
              flag + " is not a usable connection URL: " + redact(e.getMessage(), text.trim())));
    }
  }

  /**
   * {@code message} with anything that may be the password masked. The URL failed to parse, so its
   * password is found by hand: after the first ':' of the part before the last '@', raw and
   * percent-decoded, and any {@code password=} parameter.
   */
  static String redact(String message, String url) {
    List<String> secrets = new ArrayList<>();
    int scheme = url.indexOf("://");
    String rest = scheme >= 0 ? url.substring(scheme + 3) : url;
    int end = rest.length();
    for (char stop : new char[] {'/', '?', '#'}) {
      int i = rest.indexOf(stop);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String authority = rest.substring(0, end);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      int colon = userInfo.indexOf(':');
      if (colon >= 0) {
        secrets.add(userInfo.substring(colon + 1));
      }
    }
    int param = url.indexOf("password=");
    if (param >= 0) {
      int stop = url.indexOf('&', param);
      secrets.add(url.substring(param + "password=".length(), stop >= 0 ? stop : url.length()));
    }
    String out = message;
    for (String secret : secrets) {
      if (!secret.isEmpty()) {
        out = out.replace(secret, PostgresUrl.MASK);
        // A bad percent-escape is quoted by its first few characters only.
        for (int i = secret.indexOf('%'); i >= 0; i = secret.indexOf('%', i + 1)) {
          out =
              out.replace(secret.substring(i, Math.min(secret.length(), i + 3)), PostgresUrl.MASK);
        }
      }
    }
    return out;
  }
}
