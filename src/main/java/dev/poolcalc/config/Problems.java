package dev.poolcalc.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects every problem in a file so the user sees them all at once, in file order. */
final class Problems {

  private final List<Problem> list = new ArrayList<>();

  /** The file read first, whose problems come first. */
  private final String mainFile;

  Problems() {
    this("");
  }

  Problems(String mainFile) {
    this.mainFile = mainFile;
  }

  void add(SourceLocation at, String message) {
    list.add(Problem.at(at, message));
  }

  /** A problem found elsewhere: in a manifest or an included file. */
  void add(Problem problem) {
    list.add(problem);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  void throwIfAny() throws InvalidInputException {
    if (!list.isEmpty()) {
      // The deployment file first, then the manifests and included files it names in the order
      // their first problem was found; lines in order within each.
      Map<String, Integer> fileOrder = new HashMap<>();
      fileOrder.put(mainFile, 0);
      for (Problem p : list) {
        fileOrder.putIfAbsent(p.file(), fileOrder.size());
      }
      List<Problem> sorted = new ArrayList<>(list);
      sorted.sort(
          Comparator.comparingInt((Problem p) -> fileOrder.get(p.file()))
              .thenComparingInt(p -> p.location().map(SourceLocation::line).orElse(0))
              .thenComparingInt(p -> p.location().map(SourceLocation::column).orElse(0)));
      throw new InvalidInputException(sorted);
    }
  }
}
