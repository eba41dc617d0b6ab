package dev.poolcalc.cli;

import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.render.JsonRenderer;
import dev.poolcalc.render.MarkdownRenderer;
import dev.poolcalc.render.TableRenderer;
import dev.poolcalc.report.Report;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code poolcalc plan}: every app's connection_limit, the totals and the arithmetic. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compute each app's per-instance connection_limit so that all pools together fit the"
          + " server, and show the arithmetic.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  poolcalc plan deployment.yaml",
      "  poolcalc plan deployment.yaml --format json | jq '.apps[].connection_limit'",
      "  poolcalc plan deployment.yaml --format markdown >> \"$GITHUB_STEP_SUMMARY\"",
      "  cat deployment.yaml | poolcalc plan -",
      "",
      "Exit status: 0 the plan was computed (whatever its status; use 'check' to gate CI),"
          + " 2 invalid input."
    })
final class PlanCommand implements Callable<Integer> {

  enum Format {
    table,
    json,
    markdown
  }

  @Mixin Io io;

  @Mixin DeploymentInput input;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format;

  @Override
  public Integer call() throws InvalidInputException {
    Report report = input.report(io.context());
    io.print(
        switch (format) {
          case table -> TableRenderer.render(report, io.context().style(), io.context().wrap());
          case json -> JsonRenderer.render(report);
          case markdown -> MarkdownRenderer.render(report.plan());
        });
    return ExitCode.OK;
  }
}
