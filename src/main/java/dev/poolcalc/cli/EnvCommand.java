package dev.poolcalc.cli;

import dev.poolcalc.config.DeploymentFile;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Status;
import dev.poolcalc.output.WriteFailedException;
import dev.poolcalc.render.EnvFormat;
import dev.poolcalc.render.EnvText;
import dev.poolcalc.report.Report;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code poolcalc env}: each app's settings as .env lines, printed or written to one 0600 file per
 * app. The only output that shows the real password.
 */
@Command(
    name = "env",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print the variables each app's client library needs (for Prisma its DATABASE_URL with"
          + " connection_limit and application_name) as .env lines; or write DIR/<app>.env for"
          + " every app, all files or none.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  poolcalc env deployment.yaml",
      "  poolcalc env deployment.yaml --app exchanger-web >> .env",
      "  DB_PASSWORD=... poolcalc env deployment.yaml --out-dir deploy/env",
      "  poolcalc env deployment.yaml --format k8s-secret | kubectl apply -f -",
      "  poolcalc env deployment.yaml --only-pool --format json   # no credentials",
      "",
      "Exit status: 0 written, 1 the plan does not fit (nothing written), 2 invalid input, a"
          + " target exists without --force, or a file could not be written (nothing written)."
    })
final class EnvCommand implements Callable<Integer> {

  @Mixin Io io;

  @Mixin DeploymentInput input;

  @Option(names = "--app", paramLabel = "NAME", description = "Only this app (default: every app).")
  String app;

  @Mixin OutDirOption target;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = EnvFormatConverter.class,
      completionCandidates = EnvFormatConverter.class,
      description =
          "Output format: dotenv, k8s-secret (a Secret per app), json or shell (export lines)"
              + " (default: dotenv).",
      defaultValue = "dotenv")
  EnvFormat format;

  @Mixin EnvSelectionOptions only;

  @Override
  public Integer call() throws InvalidInputException, WriteFailedException {
    target.validate(io.spec);
    DeploymentFile file = input.load(io.context());
    EnvText.requireUrl(file);
    Report report = Report.of(file);
    List<AppPlan> apps = AppChoice.selected(report, app);
    Status status = report.plan().status();
    EnvText.notFitting(file.file(), status).ifPresent(io.err()::println);
    if (status == Status.ERROR) {
      return ExitCode.CHECK_FAILED;
    }
    EnvFormat.Selection selection = only.selection();
    if (target.printing()) {
      io.print(format.render(report, apps, selection));
    } else {
      target.write(EnvText.files(report, apps, format, selection), io.out());
    }
    return ExitCode.OK;
  }
}
