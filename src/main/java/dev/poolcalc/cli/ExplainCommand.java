package dev.poolcalc.cli;

import dev.poolcalc.config.DeploymentFile;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.config.Problem;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.render.Explanation;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code poolcalc explain}: the plan's arithmetic worked step by step in plain words. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Walk through the plan step by step in plain words: what counts against max_connections,"
          + " how many pools each app opens (rollouts included), how the limit is divided, and"
          + " what to set in each app's client library.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  poolcalc explain deployment.yaml",
      "  poolcalc explain deployment.yaml --app exchanger-web",
      "",
      "Exit status: 0 the explanation was printed, 2 invalid input or no such app."
    })
final class ExplainCommand implements Callable<Integer> {

  @ParentCommand Main.Poolcalc parent;

  @Spec CommandSpec spec;

  @Mixin DeploymentInput input;

  @Option(
      names = "--app",
      paramLabel = "NAME",
      description = "Explain this app only (default: every app).")
  String app;

  @Override
  public Integer call() throws InvalidInputException {
    DeploymentFile file = input.load(parent.context());
    Plan plan = Planner.plan(file.deployment());
    if (app != null && plan.app(app).isEmpty()) {
      throw new InvalidInputException(
          Problem.inFile(
              file.file(),
              "--app: no app named \""
                  + app
                  + "\"; the apps are "
                  + plan.apps().stream().map(AppPlan::name).collect(Collectors.joining(", "))));
    }
    Settings settings = Settings.of(plan);
    spec.commandLine()
        .getOut()
        .print(
            Explanation.render(
                plan, Optional.ofNullable(app), settings.maskedUrls(), settings.display()));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
