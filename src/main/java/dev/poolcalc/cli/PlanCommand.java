package dev.poolcalc.cli;

import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.render.JsonRenderer;
import dev.poolcalc.render.MarkdownRenderer;
import dev.poolcalc.render.SuggestionJson;
import dev.poolcalc.render.SuggestionText;
import dev.poolcalc.render.TableRenderer;
import dev.poolcalc.report.Report;
import dev.poolcalc.report.Suggestion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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
      "  poolcalc plan deployment.yaml --suggest",
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

  @Option(
      names = "--suggest",
      description =
          "Suggest limits instead: each app with demand at its needed_limit, the others capped at"
              + " today's limit; show the budget that frees and the YAML to paste (table or json).")
  boolean suggest;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InvalidInputException {
    if (suggest && format == Format.markdown) {
      throw new ParameterException(
          spec.commandLine(), "--suggest prints table or json, not markdown");
    }
    Report report = input.report(io.context());
    if (suggest) {
      Suggestion suggestion = Suggestion.of(report);
      io.print(
          format == Format.json
              ? SuggestionJson.render(suggestion)
              : SuggestionText.render(report.file(), suggestion, io.context().style()));
      return ExitCode.OK;
    }
    io.print(
        switch (format) {
          case table -> TableRenderer.render(report, io.context().style(), io.context().wrap());
          case json -> JsonRenderer.render(report);
          case markdown -> MarkdownRenderer.render(report.plan());
        });
    return ExitCode.OK;
  }
}
