package dev.poolcalc.cli;

import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.render.JsonRenderer;
import dev.poolcalc.render.MarkdownRenderer;
import dev.poolcalc.render.TableRenderer;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
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

  @ParentCommand Main.Poolcalc parent;

  @Spec CommandSpec spec;

  @Mixin DeploymentInput input;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format;

  @Override
  public Integer call() throws InvalidInputException {
    Context context = parent.context();
    Plan plan = Planner.plan(input.load(context).deployment());
    Settings settings = Settings.of(plan);
    Map<String, String> urls = settings.maskedUrls();
    String text =
        switch (format) {
          case table -> TableRenderer.render(plan, urls, settings.display(), context.style());
          case json -> JsonRenderer.render(plan, urls, settings.display());
          case markdown -> MarkdownRenderer.render(plan);
        };
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
