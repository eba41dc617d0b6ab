package dev.poolcalc.cli;

import dev.poolcalc.clients.EnvVar;
import dev.poolcalc.config.DeploymentFile;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Status;
import dev.poolcalc.output.EnvFiles;
import dev.poolcalc.output.WriteFailedException;
import dev.poolcalc.render.EnvFormat;
import dev.poolcalc.render.EnvText;
import dev.poolcalc.report.Report;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

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

  @Option(
      names = "--var",
      paramLabel = "NAME",
      description =
          "The name of the connection URL variable (default: the client's own, DATABASE_URL for"
              + " Prisma).")
  String variable;

  @Option(
      names = "--out-dir",
      paramLabel = "DIR",
      description = "Write DIR/<app>.env (mode 0600) for each app instead of printing.")
  Path outDir;

  @Option(names = "--force", description = "With --out-dir: replace files that exist.")
  boolean force;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = FormatConverter.class,
      completionCandidates = FormatConverter.class,
      description =
          "Output format: dotenv, k8s-secret (a Secret per app), json or shell (export lines)"
              + " (default: dotenv).",
      defaultValue = "dotenv")
  EnvFormat format;

  @Option(
      names = "--only-pool",
      description = "Only the pool variables (size, timeout): no URL, no credentials.")
  boolean onlyPool;

  @Override
  public Integer call() throws InvalidInputException, WriteFailedException {
    validateOptions();
    DeploymentFile file = input.load(io.context());
    EnvText.requireUrl(file);
    Report report = Report.of(file);
    List<AppPlan> apps =
        app == null ? report.plan().apps() : List.of(AppChoice.require(report, app));
    Status status = report.plan().status();
    if (status != Status.OK) {
      io.err().println(EnvText.notFitting(file.file(), status));
      if (status == Status.ERROR) {
        return ExitCode.CHECK_FAILED;
      }
    }
    var selection = new EnvFormat.Selection(Optional.ofNullable(variable), onlyPool);
    if (outDir == null) {
      io.print(format.render(report, apps, selection));
      return ExitCode.OK;
    }
    var files = EnvText.files(report, apps, format, selection);
    for (Path written : EnvFiles.writeAll(outDir, files, force)) {
      io.out().println("wrote " + written + " (mode 0600)");
    }
    io.out().flush();
    return ExitCode.OK;
  }

  private void validateOptions() {
    if (variable != null && !EnvVar.validName(variable)) {
      throw new ParameterException(
          io.spec.commandLine(),
          "--var \""
              + variable
              + "\" is not a variable name: use letters, digits and '_', not starting with a"
              + " digit");
    }
    if (force && outDir == null) {
      throw new ParameterException(
          io.spec.commandLine(), "--force only applies with --out-dir DIR");
    }
  }

  /** --format takes the formats' own names, such as k8s-secret, in any case. */
  static final class FormatConverter implements ITypeConverter<EnvFormat>, Iterable<String> {
    @Override
    public EnvFormat convert(String value) {
      for (EnvFormat f : EnvFormat.values()) {
        if (f.key().equalsIgnoreCase(value.trim())) {
          return f;
        }
      }
      throw new TypeConversionException(
          "expected one of " + String.join(", ", this) + " but was '" + value + "'");
    }

    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(EnvFormat.values()).map(EnvFormat::key).iterator();
    }
  }
}
