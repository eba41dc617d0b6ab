package dev.poolcalc.cli;

import dev.poolcalc.audit.DatabaseTarget;
import dev.poolcalc.audit.RehearsalRefusedException;
import dev.poolcalc.audit.Rehearser;
import dev.poolcalc.audit.ServerUnreachableException;
import dev.poolcalc.config.DeploymentFile;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.RehearsalResult;
import dev.poolcalc.render.RehearsalRenderer;
import dev.poolcalc.report.Report;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code poolcalc rehearse}: open every connection the plan allows on a staging server. */
@Command(
    name = "rehearse",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "On a staging server, open for every app instances × connection_limit connections named"
          + " after it (the most the plan allows at once), hold them, check that one more still"
          + " gets in for the reserve, and close them all. Shows where PostgreSQL refused and"
          + " whether that is where the arithmetic said it would.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  poolcalc rehearse deployment.yaml --db-env STAGING_DATABASE_URL --yes",
      "  poolcalc rehearse app.yaml --db postgresql://app@staging/app --yes --hold 30",
      "",
      "Rehearse as the apps' own role: superusers may use slots the apps cannot.",
      "Exit status: 0 the plan held, 1 PostgreSQL refused a planned connection or the reserve,"
          + " 2 invalid input, no --yes, or a server too busy to tell, 3 server unreachable."
    })
final class RehearseCommand implements Callable<Integer> {

  @ParentCommand Main.Poolcalc parent;

  @Spec CommandSpec spec;

  @Mixin DeploymentInput input;

  @ArgGroup(exclusive = true, multiplicity = "1")
  DatabaseOption db;

  @Option(
      names = "--yes",
      description = "Go ahead: this opens up to the plan's total + 1 connections on the server.")
  boolean yes;

  @Option(
      names = "--hold",
      paramLabel = "SECONDS",
      defaultValue = "0",
      description =
          "Hold the plan's connections this long before the reserve check, checking every second"
              + " that the server keeps them (default: 0).")
  long holdSeconds;

  @Override
  public Integer call() throws InvalidInputException {
    if (holdSeconds < 0) {
      throw new ParameterException(
          spec.commandLine(), "--hold must be 0 or more seconds (got " + holdSeconds + ")");
    }
    Context context = parent.context();
    PrintWriter err = spec.commandLine().getErr();
    DeploymentFile file = input.load(context);
    Plan plan = Report.of(file).plan();
    long most = plan.totalConnections() + 1;
    if (!yes) {
      err.println(
          "poolcalc: error: rehearse opens up to "
              + most
              + " connections on the server; run it against staging only, and add --yes to go"
              + " ahead");
      return ExitCode.INVALID_INPUT;
    }
    DatabaseTarget target = db.target(context, file.deployment().database().name());
    err.println(
        "poolcalc: rehearsing on " + target.endpoint() + ": up to " + most + " connections");
    RehearsalResult result;
    try {
      result =
          new Rehearser(
                  target,
                  closed ->
                      err.println("poolcalc: interrupted; closed all " + closed + " connections"))
              .run(plan, Duration.ofSeconds(holdSeconds), file.deployment().database().name());
    } catch (ServerUnreachableException e) {
      err.println("poolcalc: error: " + e.getMessage());
      return ExitCode.UNREACHABLE;
    } catch (RehearsalRefusedException e) {
      err.println("poolcalc: error: not rehearsing: " + e.getMessage());
      return ExitCode.INVALID_INPUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("poolcalc: error: rehearsal interrupted; every connection it opened is closed");
      return ExitCode.CHECK_FAILED;
    }
    spec.commandLine()
        .getOut()
        .print(RehearsalRenderer.render(result, target.endpoint(), context.style()));
    spec.commandLine().getOut().flush();
    return result.held() ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }
}
