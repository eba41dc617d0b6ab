package dev.poolcalc.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A driver program in another language (src/test/clients/…): it builds its library's pool from the
 * variables poolcalc rendered, exactly as the rendered snippet does, starts {@code
 * CONFORMANCE_CHECKOUTS} queries of {@code SELECT pg_sleep(CONFORMANCE_HOLD_SECONDS)} at once, and
 * prints one JSON line: {@code {"acquired": n, "failed_after_ms": [..], "errors": [..]}}.
 */
final class Driver {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long DEADLINE_SECONDS = 120;

  private Driver() {}

  record Report(int acquired, List<Long> failed_after_ms, List<String> errors) {}

  /** The protocol's two knobs: one checkout more than the limit, each outlasting pool_timeout. */
  static Map<String, String> protocol() {
    return Map.of(
        "CONFORMANCE_CHECKOUTS", String.valueOf(Deployment.LIMIT + 1),
        "CONFORMANCE_HOLD_SECONDS", String.valueOf(Deployment.POOL_TIMEOUT_SECONDS + 2));
  }

  static Outcome run(Path directory, Map<String, String> rendered, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    Map<String, String> env = new HashMap<>(builder.environment());
    env.putAll(rendered);
    env.putAll(protocol());
    builder.environment().clear();
    builder.environment().putAll(env);
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
    Report report = JSON.readValue(last, Report.class);
    return new Outcome(report.acquired(), report.failed_after_ms(), report.errors());
  }

  /** Whether a program answers {@code --version}, to skip with a reason when it is missing. */
  static boolean answers(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
