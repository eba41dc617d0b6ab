package dev.poolcalc.cli;

import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.render.Explanation;
import dev.poolcalc.report.Report;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

  @Mixin Io io;

  @Mixin DeploymentInput input;

  @Option(
      names = "--app",
      paramLabel = "NAME",
      description = "Explain this app only (default: every app).")
  String app;

  @Override
  public Integer call() throws InvalidInputException {
    Report report = input.report(io.context());
    if (app != null) {
      AppChoice.require(report, app);
    }
    io.print(Explanation.render(report, Optional.ofNullable(app)));
    return ExitCode.OK;
  }
}
