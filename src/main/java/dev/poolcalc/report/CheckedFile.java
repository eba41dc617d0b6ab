package dev.poolcalc.report;

import dev.poolcalc.config.Problem;
import dev.poolcalc.engine.DemandFindings;
import dev.poolcalc.engine.Status;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One file's result in {@code poolcalc check}, as every check format renders it: a report with its
 * advice and whether it passes, or the problems that kept the file from being planned.
 *
 * @param problems why the file could not be planned; empty when {@code report} is present
 */
public record CheckedFile(
    String file, Optional<Report> report, Advice advice, boolean passed, List<Problem> problems) {

  public CheckedFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(advice, "advice");
    problems = List.copyOf(problems);
    if (report.isEmpty() == problems.isEmpty()) {
      throw new IllegalArgumentException("a checked file has a report or problems, not both");
    }
  }

  /**
   * A planned file: it passes on status ok, and on warning unless {@code strict}; with {@code
   * demand} it also fails when a pool is saturated or likely to time out requests (DESIGN: {@code
   * check --demand}).
   */
  public static CheckedFile planned(Report report, boolean strict, boolean demand) {
    Status status = report.plan().status();
    boolean passed = status == Status.OK || (status == Status.WARNING && !strict);
    if (demand
        && report.plan().findings().stream()
            .anyMatch(f -> DemandFindings.FAILING.contains(f.code()))) {
      passed = false;
    }
    return new CheckedFile(
        report.file(), Optional.of(report), Advice.of(report.plan()), passed, List.of());
  }

  public static CheckedFile invalid(String file, List<Problem> problems) {
    return new CheckedFile(
        file, Optional.empty(), new Advice(Optional.empty(), List.of()), false, problems);
  }

  /** The same result under another name for its file (annotations name it from the repository). */
  public CheckedFile withFile(String name) {
    return new CheckedFile(name, report, advice, passed, problems);
  }

  /** The plan's status, or "invalid" when the file could not be planned. */
  public String statusLabel() {
    return report.map(r -> r.plan().status().label()).orElse("invalid");
  }

  /** Orders results: ok, warning, error, invalid. */
  private int severity() {
    return report.map(r -> r.plan().status().ordinal()).orElse(Status.values().length);
  }

  /** The worst status label among several files. */
  public static String worstStatus(List<CheckedFile> files) {
    return files.stream()
        .max(Comparator.comparingInt(CheckedFile::severity))
        .map(CheckedFile::statusLabel)
        .orElse("ok");
  }
}
