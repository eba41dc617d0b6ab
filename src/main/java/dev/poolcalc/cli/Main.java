package dev.poolcalc.cli;

import dev.poolcalc.audit.RehearsalRefusedException;
import dev.poolcalc.audit.ServerUnreachableException;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.output.WriteFailedException;
import dev.poolcalc.render.UnquotableValueException;
import dev.poolcalc.report.Report;
import dev.poolcalc.text.Suggestions;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** The poolcalc command line: {@code main} only exits with what {@link #run} returns. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(Context.system(), out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line; tests call this in-process with their own context. */
  public static int run(Context context, PrintWriter out, PrintWriter err, String... args) {
    Poolcalc top = new Poolcalc(context);
    CommandLine cli = new CommandLine(top);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(Main::handleExecutionException);
    cli.setParameterExceptionHandler(Main::handleParameterException);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The top-level command: holds the shared context and the global options. */
  @Command(
      name = "poolcalc",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      sortOptions = false,
      subcommands = {
        PlanCommand.class,
        CheckCommand.class,
        EnvCommand.class,
        ExplainCommand.class,
        AuditCommand.class,
        RehearseCommand.class,
        ImportCommand.class,
        ProvidersCommand.class,
        CompletionCommand.class,
        SchemaCommand.class,
        CommandLine.HelpCommand.class
      },
      description = {
        "Size database connection pools for a whole deployment sharing one PostgreSQL.",
        "",
        "Every replica and every worker process opens its own pool, so the server sees"
            + " Σ replicas × processes × connection_limit connections, idle ones included."
            + " poolcalc works out each app's limit so that sum fits, and shows the arithmetic.",
        ""
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  poolcalc plan examples/production.yaml",
        "  poolcalc plan deployment.yaml --format json",
        "  poolcalc check deploy/*.yaml --format github",
        "  poolcalc env deployment.yaml --out-dir .env.d",
        "  poolcalc explain deployment.yaml --app exchanger-web",
        "  poolcalc audit deployment.yaml --db-env DATABASE_URL",
        "  poolcalc rehearse deployment.yaml --db-env STAGING_DATABASE_URL --yes",
        "  poolcalc import rendered.yaml > deployment.yaml",
        "  source <(poolcalc completion bash)",
        "  poolcalc help plan",
        "",
        "Exit status: 0 ok, 1 check failed, 2 invalid input or usage, 3 server unreachable,"
            + " 4 a file could not be written."
      })
  static final class Poolcalc implements Callable<Integer> {

    private final Context context;

    @Spec CommandSpec spec;

    @Option(
        names = "--debug",
        scope = ScopeType.INHERIT,
        description = "Show stack traces of unexpected errors.")
    boolean debug;

    Poolcalc(Context context) {
      this.context = context;
    }

    Context context() {
      return context;
    }

    @Override
    public Integer call() {
      spec.commandLine().usage(spec.commandLine().getErr());
      spec.commandLine().getErr().println();
      spec.commandLine()
          .getErr()
          .println("poolcalc: error: missing command; try 'poolcalc plan FILE'");
      return ExitCode.INVALID_INPUT;
    }
  }

  /**
   * The error for an unknown subcommand or option, with the closest known one: "unknown command
   * 'plna'; did you mean 'plan'?". Other usage errors keep picocli's own words.
   */
  private static String message(ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return e.getMessage();
    }
    String typed = unmatched.getUnmatched().get(0);
    CommandSpec spec = e.getCommandLine().getCommandSpec();
    if (typed.startsWith("-")) {
      Map<String, String> byBareName = new LinkedHashMap<>();
      for (String name : spec.optionsMap().keySet()) {
        byBareName.put(name.replaceFirst("^-+", ""), name);
      }
      String bare = typed.replaceFirst("^-+", "").replaceFirst("=.*", "");
      return "unknown option '"
          + typed
          + "'"
          + Suggestions.closest(bare, byBareName.keySet())
              .map(n -> "; did you mean '" + byBareName.get(n) + "'?")
              .orElse("");
    }
    if (spec.subcommands().isEmpty()) {
      return e.getMessage();
    }
    return "unknown command '"
        + typed
        + "'"
        + unmatched.getSuggestions().stream()
            .findFirst()
            .map(n -> "; did you mean '" + n + "'?")
            .orElse("");
  }

  private static int handleParameterException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println("poolcalc: error: " + message(e));
    err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
    return ExitCode.INVALID_INPUT;
  }

  /**
   * The one place an exception from a command becomes an exit code and a message. Commands throw;
   * they never print an error and return a code themselves.
   */
  private static int handleExecutionException(
      Exception e, CommandLine cli, ParseResult parseResult) {
    PrintWriter err = cli.getErr();
    int code = exitCode(e, err);
    if (code == ExitCode.INTERNAL_ERROR) {
      Object root = cli.getCommandSpec().root().userObject();
      if (root instanceof Poolcalc top && top.debug) {
        e.printStackTrace(err);
      }
      err.println("poolcalc: internal error: " + e + " (run with --debug for details)");
    }
    err.flush();
    return code;
  }

  private static int exitCode(Exception e, PrintWriter err) {
    if (e instanceof InvalidInputException invalid) {
      invalid.problems().forEach(err::println);
      return ExitCode.INVALID_INPUT;
    }
    if (e instanceof ArithmeticException) {
      err.println("poolcalc: error: " + Report.TOO_LARGE);
      return ExitCode.INVALID_INPUT;
    }
    if (e instanceof UnquotableValueException unquotable) {
      err.println("poolcalc: error: " + unquotable.getMessage());
      return ExitCode.INVALID_INPUT;
    }
    if (e instanceof RehearsalRefusedException refused) {
      err.println("poolcalc: error: not rehearsing: " + refused.getMessage());
      return ExitCode.INVALID_INPUT;
    }
    if (e instanceof ServerUnreachableException unreachable) {
      err.println("poolcalc: error: " + unreachable.getMessage());
      return ExitCode.UNREACHABLE;
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      err.println("poolcalc: error: interrupted; every connection it opened is closed");
      return ExitCode.CHECK_FAILED;
    }
    if (e instanceof WriteFailedException failed) {
      err.println(failed.getMessage());
      return ExitCode.WRITE_FAILED;
    }
    return ExitCode.INTERNAL_ERROR;
  }
}
