package dev.poolcalc.cli;

import dev.poolcalc.audit.AuditSession;
import dev.poolcalc.audit.DatabaseTarget;
import dev.poolcalc.audit.ServerUnreachableException;
import dev.poolcalc.config.DeploymentFile;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.engine.AuditComparison;
import dev.poolcalc.engine.AuditStatus;
import dev.poolcalc.engine.Observation;
import dev.poolcalc.render.AuditJsonRenderer;
import dev.poolcalc.render.AuditTableRenderer;
import dev.poolcalc.report.Report;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code poolcalc audit}: what a live server really holds, against what the plan allows. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compare the connections a live PostgreSQL holds, per application_name, with the plan;"
          + " flag apps over their plan, connections no app accounts for, and server settings"
          + " that differ from the file. Opens one read-only connection and closes it.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  poolcalc audit deployment.yaml --db-env DATABASE_URL",
      "  poolcalc audit deployment.yaml --db postgresql://monitor@db/app --format json",
      "",
      "The role needs pg_read_all_stats to see the state of other roles' connections.",
      "Exit status: 0 the server matches the plan, 1 drift (an app over its plan, or settings"
          + " that differ), 2 invalid input, 3 server unreachable or login refused."
    })
final class AuditCommand implements Callable<Integer> {

  enum Format {
    table,
    json
  }

  @Mixin Io io;

  @Mixin DeploymentInput input;

  @ArgGroup(exclusive = true, multiplicity = "1")
  DatabaseOption db;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format;

  @Override
  public Integer call() throws InvalidInputException, ServerUnreachableException {
    DeploymentFile file = input.load(io.context());
    Optional<String> database = file.deployment().database().name();
    DatabaseTarget target = db.target(io.context(), database);
    Observation seen;
    try (AuditSession session = AuditSession.open(target)) {
      seen = session.observe(database);
    }
    AuditComparison audit = AuditComparison.of(Report.of(file).plan(), seen);
    io.print(
        switch (format) {
          case table -> AuditTableRenderer.render(audit, target.endpoint(), io.context().style());
          case json -> AuditJsonRenderer.render(audit);
        });
    return audit.status() == AuditStatus.OK ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }
}
