package dev.poolcalc.config;

import java.util.List;

/** The input cannot be planned; carries every problem found, in file order. */
public final class InvalidInputException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public InvalidInputException(List<Problem> problems) {
    super(problems.isEmpty() ? "invalid input" : problems.get(0).toString(), null, false, false);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid input has at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(Problem problem) {
    this(List.of(problem));
  }

  public List<Problem> problems() {
    return problems;
  }
}
