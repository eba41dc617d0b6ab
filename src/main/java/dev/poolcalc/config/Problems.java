package dev.poolcalc.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem in a file so the user sees them all at once, in file order. */
final class Problems {

  private final List<Problem> list = new ArrayList<>();

  void add(SourceLocation at, String message) {
    list.add(Problem.at(at, message));
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  void throwIfAny() throws InvalidInputException {
    if (!list.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(list);
      sorted.sort(
          Comparator.comparingInt((Problem p) -> p.location().map(SourceLocation::line).orElse(0))
              .thenComparingInt(p -> p.location().map(SourceLocation::column).orElse(0)));
      throw new InvalidInputException(sorted);
    }
  }
}
