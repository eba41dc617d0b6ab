package dev.poolcalc.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub Actions' job summary: the file named by {@code $GITHUB_STEP_SUMMARY}, which GitHub shows
 * on the run's page. Failing to write it must not hide the check's own verdict, so a failure comes
 * back as a warning to print, not as an error.
 */
public final class StepSummary {

  /** The environment variable GitHub Actions names the job summary file with. */
  public static final String VARIABLE = "GITHUB_STEP_SUMMARY";

  private StepSummary() {}

  /** Appends the Markdown; empty when done or when there is no summary file, else a warning. */
  public static Optional<String> append(Map<String, String> env, String markdown) {
    String target = env.get(VARIABLE);
    if (target == null || target.isBlank()) {
      return Optional.empty();
    }
    try {
      Files.writeString(
          Path.of(target),
          markdown + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(
          "poolcalc: warning: cannot append the summary to $"
              + VARIABLE
              + ": "
              + WriteFailedException.reason(e));
    }
  }
}
