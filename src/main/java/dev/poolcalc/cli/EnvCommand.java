package dev.poolcalc.cli;

import dev.poolcalc.clients.ClientSettings;
import dev.poolcalc.clients.PostgresUrl;
import dev.poolcalc.config.DeploymentFile;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.config.Problem;
import dev.poolcalc.config.SourceLocation;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Status;
import dev.poolcalc.render.Dotenv;
import dev.poolcalc.render.EnvVar;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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
      "",
      "Exit status: 0 written, 1 the plan does not fit (nothing written), 2 invalid input, a"
          + " target exists without --force, or a file could not be written (nothing written)."
    })
final class EnvCommand implements Callable<Integer> {

  @ParentCommand Main.Poolcalc parent;

  @Spec CommandSpec spec;

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

  @Override
  public Integer call() throws InvalidInputException {
    validateOptions();
    Context context = parent.context();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DeploymentFile file = input.load(context);
    PostgresUrl base = baseUrl(file);
    Plan plan = Planner.plan(file.deployment());
    List<AppPlan> apps = selectedApps(plan);
    if (plan.status() == Status.ERROR) {
      err.println(
          "poolcalc: error: "
              + file.file()
              + " does not fit its server (status error), so these settings would be refused;"
              + " nothing was written. Run 'poolcalc check "
              + file.file()
              + "' for what would fit.");
      return ExitCode.CHECK_FAILED;
    }
    if (plan.status() == Status.WARNING) {
      err.println(
          "poolcalc: warning: "
              + file.file()
              + " is over its budget (status warning); run 'poolcalc check "
              + file.file()
              + "' for what would fit.");
    }
    String generated =
        "written by poolcalc env from " + file.file() + "; rerun it instead of editing";
    if (outDir == null) {
      List<Dotenv.Block> blocks = new ArrayList<>();
      for (AppPlan a : apps) {
        blocks.add(block(plan, base, a));
      }
      out.print("# " + generated + "\n\n" + Dotenv.render(blocks));
      out.flush();
      return ExitCode.OK;
    }
    Map<String, String> files = new LinkedHashMap<>();
    for (AppPlan a : apps) {
      files.put(a.name() + ".env", "# " + generated + "\n" + Dotenv.render(block(plan, base, a)));
    }
    refuseCaseCollisions(apps);
    for (Path written : EnvFiles.writeAll(outDir, files, force)) {
      out.println("wrote " + written + " (mode 0600)");
    }
    out.flush();
    return ExitCode.OK;
  }

  private Dotenv.Block block(Plan plan, PostgresUrl base, AppPlan a) {
    return new Dotenv.Block(Dotenv.header(plan, a), variablesFor(base, a));
  }

  /**
   * The variables one app needs, with real values, as its client library renders them; --var
   * renames the connection URL variable.
   */
  List<EnvVar> variablesFor(PostgresUrl base, AppPlan a) {
    ClientSettings settings = ClientSettings.render(a, Optional.of(base));
    Optional<String> urlName = settings.url().map(dev.poolcalc.clients.EnvVar::name);
    List<EnvVar> vars = new ArrayList<>();
    for (dev.poolcalc.clients.EnvVar v : settings.env()) {
      boolean isUrl = urlName.filter(v.name()::equals).isPresent();
      vars.add(new EnvVar(isUrl && variable != null ? variable : v.name(), v.value()));
    }
    return vars;
  }

  private void validateOptions() {
    if (variable != null && !EnvVar.validName(variable)) {
      throw new ParameterException(
          spec.commandLine(),
          "--var \""
              + variable
              + "\" is not a variable name: use letters, digits and '_', not starting with a"
              + " digit");
    }
    if (force && outDir == null) {
      throw new ParameterException(spec.commandLine(), "--force only applies with --out-dir DIR");
    }
  }

  private static PostgresUrl baseUrl(DeploymentFile file) throws InvalidInputException {
    var url = file.deployment().database().url();
    if (url.isEmpty()) {
      SourceLocation at = file.location("database").orElse(new SourceLocation(file.file(), 1, 1));
      throw new InvalidInputException(
          Problem.at(
              at,
              "database.url is not set, and env renders each app's URL from it; add"
                  + " url: postgresql://user:${DB_PASSWORD}@host:5432/dbname"));
    }
    // DeploymentInput has already refused a URL that does not parse.
    return PostgresUrl.parse(url.get());
  }

  private List<AppPlan> selectedApps(Plan plan) {
    if (app == null) {
      return plan.apps();
    }
    return plan.app(app)
        .map(List::of)
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    "--app: no app named \""
                        + app
                        + "\"; the file has "
                        + plan.apps().stream()
                            .map(AppPlan::name)
                            .collect(Collectors.joining(", "))));
  }

  /** On macOS and Windows, Web.env and web.env are one file: refuse rather than overwrite. */
  private static void refuseCaseCollisions(List<AppPlan> apps) throws InvalidInputException {
    Map<String, String> seen = new HashMap<>();
    for (AppPlan a : apps) {
      String first = seen.putIfAbsent(a.name().toLowerCase(Locale.ROOT), a.name());
      if (first != null) {
        throw new InvalidInputException(
            Problem.inFile(
                a.name() + ".env",
                "apps \""
                    + first
                    + "\" and \""
                    + a.name()
                    + "\" differ only in case, so their files would collide on some file"
                    + " systems; rename one"));
      }
    }
  }
}
