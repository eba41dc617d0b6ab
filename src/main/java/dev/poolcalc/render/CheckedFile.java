package dev.poolcalc.render;

import dev.poolcalc.engine.Advice;
import dev.poolcalc.engine.Plan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One file's result in {@code poolcalc check}, as every check format renders it: a plan with its
 * advice, or the problems that kept the file from being planned.
 *
 * @param databaseUrls each app's DATABASE_URL, password masked (for the JSON plan)
 * @param appPositions where each app is written, for annotations that point at it
 * @param problems why the file could not be planned; empty when {@code plan} is present
 */
public record CheckedFile(
    String file,
    Optional<Plan> plan,
    Advice advice,
    boolean passed,
    Map<String, String> databaseUrls,
    Map<String, Position> appPositions,
    List<Diagnostic> problems) {

  /** A 1-based line and column in the input file. */
  public record Position(int line, int column) {}

  /** A problem with the input, where it is (when known) and what to do. */
  public record Diagnostic(Optional<Position> position, String message) {
    public Diagnostic {
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(message, "message");
    }
  }

  public CheckedFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(advice, "advice");
    databaseUrls = Map.copyOf(databaseUrls);
    appPositions = Map.copyOf(appPositions);
    problems = List.copyOf(problems);
    if (plan.isEmpty() == problems.isEmpty()) {
      throw new IllegalArgumentException("a checked file has a plan or problems, not both");
    }
  }

  public static CheckedFile planned(
      String file,
      Plan plan,
      boolean passed,
      Map<String, String> databaseUrls,
      Map<String, Position> appPositions) {
    return new CheckedFile(
        file, Optional.of(plan), Advice.of(plan), passed, databaseUrls, appPositions, List.of());
  }

  public static CheckedFile invalid(String file, List<Diagnostic> problems) {
    return new CheckedFile(
        file,
        Optional.empty(),
        new Advice(Optional.empty(), List.of()),
        false,
        Map.of(),
        Map.of(),
        problems);
  }

  /** The plan's status, or "invalid" when the file could not be planned. */
  public String statusLabel() {
    return plan.map(p -> p.status().label()).orElse("invalid");
  }

  /** Orders results: ok, warning, error, invalid. */
  int severity() {
    return plan.map(
            p ->
                switch (p.status()) {
                  case OK -> 0;
                  case WARNING -> 1;
                  case ERROR -> 2;
                })
        .orElse(3);
  }

  /** The worst status label among several files. */
  static String worstStatus(List<CheckedFile> files) {
    return files.stream()
        .max(java.util.Comparator.comparingInt(CheckedFile::severity))
        .map(CheckedFile::statusLabel)
        .orElse("ok");
  }
}
