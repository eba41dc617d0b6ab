package dev.poolcalc.cli;

import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.config.Problem;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.report.Report;
import java.util.List;
import java.util.stream.Collectors;

/** The {@code --app NAME} option of explain and env: the name must be one of the file's apps. */
final class AppChoice {

  private AppChoice() {}

  /** Every app when no name was given, else the one named. */
  static List<AppPlan> selected(Report report, String nameOrNull) throws InvalidInputException {
    return nameOrNull == null ? report.plan().apps() : List.of(require(report, nameOrNull));
  }

  static AppPlan require(Report report, String name) throws InvalidInputException {
    var found = report.plan().app(name);
    if (found.isPresent()) {
      return found.get();
    }
    throw new InvalidInputException(
        Problem.inFile(
            report.file(),
            "--app: no app named \""
                + name
                + "\"; the apps are "
                + report.plan().apps().stream()
                    .map(AppPlan::name)
                    .collect(Collectors.joining(", "))));
  }
}
