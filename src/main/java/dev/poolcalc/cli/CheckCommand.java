package dev.poolcalc.cli;

import dev.poolcalc.config.DeploymentFile;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.config.Problem;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Status;
import dev.poolcalc.render.CheckJson;
import dev.poolcalc.render.CheckMarkdown;
import dev.poolcalc.render.CheckText;
import dev.poolcalc.render.CheckedFile;
import dev.poolcalc.render.CheckedFile.Diagnostic;
import dev.poolcalc.render.CheckedFile.Position;
import dev.poolcalc.render.GithubAnnotations;
import dev.poolcalc.render.Style;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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

  /** The environment variable GitHub Actions names the job summary file with. */
  static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

  enum Format {
    text,
    json,
    github,
    markdown
  }

  @ParentCommand Main.Poolcalc parent;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Deployment files (YAML), or - for standard input.")
  List<String> files;

  @Option(names = "--strict", description = "Fail on warnings (over budget) too, not only errors.")
  boolean strict;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  Format format;

  @Override
  public Integer call() {
    Context context = parent.context();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<CheckedFile> results = new ArrayList<>();
    int exit = ExitCode.OK;
    for (String path : files) {
      CheckedFile result = check(path, context, err);
      results.add(result);
      exit = Math.max(exit, exitCode(result));
    }
    String text =
        switch (format) {
          case text -> CheckText.render(results, strict, context.style());
          case json -> CheckJson.render(results, strict);
          case markdown -> CheckMarkdown.render(results, strict);
          case github ->
              GithubAnnotations.render(results, strict)
                  + CheckText.render(results, strict, Style.PLAIN);
        };
    out.print(text);
    out.flush();
    if (format == Format.github) {
      appendStepSummary(context, CheckMarkdown.render(results, strict), err);
    }
    return exit;
  }

  /** Plans one file; bad input is reported on standard error and becomes an invalid result. */
  private CheckedFile check(String path, Context context, PrintWriter err) {
    DeploymentFile file;
    try {
      file = DeploymentInput.loadPath(path, context);
    } catch (InvalidInputException e) {
      List<Diagnostic> diagnostics = new ArrayList<>();
      for (Problem problem : e.problems()) {
        err.println(problem);
        diagnostics.add(
            new Diagnostic(
                problem.location().map(l -> new Position(l.line(), l.column())),
                problem.message()));
      }
      err.flush();
      return CheckedFile.invalid(path.equals("-") ? "<stdin>" : path, diagnostics);
    }
    Plan plan;
    try {
      plan = Planner.plan(file.deployment());
    } catch (ArithmeticException e) {
      Problem problem =
          Problem.inFile(
              file.file(),
              "the numbers in this file are too large to add up exactly;"
                  + " check replicas, processes and connection_limit");
      err.println(problem);
      err.flush();
      return CheckedFile.invalid(
          file.file(), List.of(new Diagnostic(Optional.empty(), problem.message())));
    }
    return CheckedFile.planned(
        file.file(), plan, passes(plan.status()), Settings.of(plan).maskedUrls(), positions(file));
  }

  private boolean passes(Status status) {
    return status == Status.OK || (status == Status.WARNING && !strict);
  }

  private static int exitCode(CheckedFile result) {
    if (result.plan().isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    return result.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }

  private static Map<String, Position> positions(DeploymentFile file) {
    Map<String, Position> positions = new HashMap<>();
    var apps = file.deployment().apps();
    for (int i = 0; i < apps.size(); i++) {
      var at = file.appLocation(i);
      positions.put(apps.get(i).name(), new Position(at.line(), at.column()));
    }
    return positions;
  }

  /**
   * GitHub shows this file on the run's summary page. Failing to write it must not hide the check's
   * own verdict, so it is only a warning.
   */
  private static void appendStepSummary(Context context, String markdown, PrintWriter err) {
    String target = context.env().get(STEP_SUMMARY);
    if (target == null || target.isBlank()) {
      return;
    }
    try {
      Files.writeString(
          Path.of(target),
          markdown + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException | RuntimeException e) {
      err.println(
          "poolcalc: warning: cannot append the summary to $"
              + STEP_SUMMARY
              + ": "
              + e.getMessage());
      err.flush();
    }
  }
}
