package dev.poolcalc.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The protocol of the transaction-pooler conformance tests, the same for every library: with a pool
 * built from what poolcalc rendered, two client connections A and B; A runs the parameterized
 * {@code SELECT $1::int} {@link #WARM_UP} times (more than pgjdbc's prepareThreshold of 5; pgx and
 * Active Record prepare on the first); B begins a transaction and runs {@code SELECT 1}, so that it
 * holds the server connection A used; A runs the query once more, which PgBouncer in transaction
 * mode gives another server connection; B commits. The errors A met are the outcome. A driver
 * program in another language prints one JSON line: {@code {"succeeded": n, "errors": [..]}}.
 */
final class Interleaving {

  /** Executions of A's statement before B takes its server connection. */
  static final int WARM_UP = 6;

  /**
   * What a client meets when its named statement is not on the server connection it was given, or
   * another client's of the same name is: "prepared statement "S_1" does not exist" or "… already
   * exists" (pgjdbc names them S_n, pgx lrupsc_…, Active Record a1, a2…).
   */
  static final String LOST_STATEMENT =
      "(?s).*prepared statement \"[A-Za-z0-9_]+\" (does not exist|already exists).*";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long DEADLINE_SECONDS = 60;

  private Interleaving() {}

  record Report(int succeeded, List<String> errors) {}

  /** Runs a driver program with {@code rendered} in its environment. */
  static Report run(Path directory, Map<String, String> rendered, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().putAll(rendered);
    builder.environment().put("CONFORMANCE_WARM_UP", String.valueOf(WARM_UP));
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process process = builder.start();
    String out;
    try (var stdout = process.getInputStream()) {
      out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " ran past " + DEADLINE_SECONDS + " s");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          String.join(" ", command) + " exited " + process.exitValue() + ", printed: " + out);
    }
    String last = out.strip().lines().reduce((a, b) -> b).orElse("");
    return JSON.readValue(last, Report.class);
  }
}
