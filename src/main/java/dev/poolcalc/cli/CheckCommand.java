package dev.poolcalc.cli;

import dev.poolcalc.output.StepSummary;
import dev.poolcalc.render.CheckFormat;
import dev.poolcalc.render.CheckMarkdown;
import dev.poolcalc.report.CheckedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code poolcalc check}: the CI gate that fails when a plan does not fit the server. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Exit 1 when any file's pools would not fit its server, and say which app pushes it over"
          + " and what would fit. Warnings pass unless --strict.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  poolcalc check deployment.yaml",
      "  poolcalc check deploy/*.yaml --strict",
      "  poolcalc check deployment.yaml --format github   # annotations + job summary",
      "",
      "Exit status: 0 every plan fits (status ok, or warning without --strict), 1 a plan does"
          + " not fit, 2 invalid input. With several files the worst wins."
    })
final class CheckCommand implements Callable<Integer> {

  @Mixin Io io;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Deployment files (YAML), or - for standard input.")
  List<String> files;

  @Option(names = "--strict", description = "Fail on warnings (over budget) too, not only errors.")
  boolean strict;

  @Option(
      names = "--demand",
      description =
          "Fail also when a pool is too small for its app's demand (pool-saturated,"
              + " pool-timeouts-likely).")
  boolean demand;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  CheckFormat format;

  @Override
  public Integer call() {
    List<CheckedFile> results = new ArrayList<>();
    for (String path : files) {
      results.add(DeploymentInput.check(path, io, strict, demand));
    }
    io.print(
        format.render(
            results, strict, io.context().style(), annotationBase(), io.context().wrap()));
    if (format.writesStepSummary()) {
      StepSummary.append(io.context().env(), CheckMarkdown.render(results, strict))
          .ifPresent(io.err()::println);
    }
    return results.stream().mapToInt(ExitCode::of).max().orElse(ExitCode.OK);
  }

  /** Where annotation paths start: $GITHUB_WORKSPACE (the repository), else the working folder. */
  private Path annotationBase() {
    String workspace = io.context().env().get("GITHUB_WORKSPACE");
    return workspace == null || workspace.isBlank() ? Path.of("") : Path.of(workspace);
  }
}
