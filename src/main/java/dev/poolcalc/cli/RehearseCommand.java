package dev.poolcalc.cli;

import dev.poolcalc.audit.DatabaseTarget;
import dev.poolcalc.audit.RehearsalRefusedException;
import dev.poolcalc.audit.Rehearser;
import dev.poolcalc.audit.ServerUnreachableException;
import dev.poolcalc.config.DeploymentFile;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.RehearsalResult;
import dev.poolcalc.render.RehearsalJsonRenderer;
import dev.poolcalc.render.RehearsalRenderer;
import dev.poolcalc.report.Report;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code poolcalc rehearse}: open every connection the plan allows on a staging server. */
@Command(
    name = "rehearse",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "On a staging server, open for every app instances × connection_limit connections named"
          + " after it (the most the plan allows at once), hold them, check that one more still"
          + " gets in for the reserve, and close them all. Shows where PostgreSQL refused and"
          + " whether that is where the arithmetic said it would. Apps behind a PgBouncer connect"
          + " through its url and run a query at once; the server connections PostgreSQL then"
          + " shows from it must not pass its planned server_connections, and one client past"
          + " max_client_conn must be refused.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  poolcalc rehearse deployment.yaml --db-env STAGING_DATABASE_URL --yes",
      "  poolcalc rehearse app.yaml --db postgresql://app@staging/app --yes --hold 30",
      "  poolcalc rehearse pooled.yaml --db-env STAGING_DATABASE_URL --yes --format json",
      "",
      "Rehearse as the apps' own role: superusers may use slots the apps cannot.",
      "Exit status: 0 the plan held, 1 PostgreSQL refused a planned connection or the reserve,"
          + " 2 invalid input, no --yes, or a server too busy to tell, 3 server unreachable."
    })
final class RehearseCommand implements Callable<Integer> {

  enum Format {
    table,
    json
  }

  @Mixin Io io;

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
      converter = HoldSecondsConverter.class,
      description =
          "Hold the plan's connections this long before the reserve check, checking every second"
              + " that the server keeps them (default: 0).")
  Duration hold;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format;

  @Override
  public Integer call()
      throws InvalidInputException,
          ServerUnreachableException,
          RehearsalRefusedException,
          InterruptedException {
    PrintWriter err = io.err();
    DeploymentFile file = input.load(io.context());
    Plan plan = Report.of(file).plan();
    if (!yes) {
      err.println(RehearsalRenderer.needsYes(plan));
      return ExitCode.INVALID_INPUT;
    }
    Optional<String> database = file.deployment().database().name();
    DatabaseTarget target = db.target(io.context(), database);
    err.println(RehearsalRenderer.starting(plan, target.endpoint()));
    RehearsalResult result =
        new Rehearser(target, closed -> err.println(RehearsalRenderer.interrupted(closed)))
            .run(plan, hold, database);
    io.print(
        switch (format) {
          case table -> RehearsalRenderer.render(result, target.endpoint(), io.context().style());
          case json -> RehearsalJsonRenderer.render(result, target.endpoint());
        });
    return result.held() ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }
}
