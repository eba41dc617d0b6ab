package dev.poolcalc.render;

import dev.poolcalc.config.Problem;
import dev.poolcalc.config.SourceLocation;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Remedy;
import dev.poolcalc.engine.Severity;
import dev.poolcalc.engine.Status;
import dev.poolcalc.report.CheckedFile;
import dev.poolcalc.report.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code poolcalc check --format github}: GitHub Actions workflow commands ({@code ::error
 * file=…,line=…::…}) that put each reason on the app's line of the YAML in the pull request's diff.
 */
public final class GithubAnnotations {

  /** The file name poolcalc gives standard input; an annotation on it would point nowhere. */
  private static final String STDIN = "<stdin>";

  private GithubAnnotations() {}

  /**
   * The annotations, each file named relative to {@code base} (GITHUB_WORKSPACE, else the working
   * directory): GitHub attaches an annotation to the pull request only by the path in the
   * repository, so an absolute path, or one relative to another folder, would show nowhere.
   */
  public static String render(List<CheckedFile> files, boolean strict, Path base) {
    return render(files.stream().map(f -> f.withFile(relative(f.file(), base))).toList(), strict);
  }

  /**
   * {@code file} relative to {@code base} with '/' between names, when it lies inside it; else as
   * given.
   */
  static String relative(String file, Path base) {
    if (file.equals(STDIN)) {
      return file;
    }
    Path root = base.toAbsolutePath().normalize();
    Path absolute = Path.of("").toAbsolutePath().resolve(file).normalize();
    if (!absolute.startsWith(root) || absolute.equals(root)) {
      return file;
    }
    List<String> names = new ArrayList<>();
    root.relativize(absolute).forEach(n -> names.add(n.toString()));
    return String.join("/", names);
  }

  public static String render(List<CheckedFile> files, boolean strict) {
    StringBuilder out = new StringBuilder();
    for (CheckedFile file : files) {
      if (file.report().isEmpty()) {
        for (Problem p : file.problems()) {
          out.append(
              command("error", file.file(), p.location(), "poolcalc: invalid input", p.message()));
        }
      } else {
        planned(out, file, strict);
      }
    }
    return out.toString();
  }

  private static void planned(StringBuilder out, CheckedFile file, boolean strict) {
    Report report = file.report().get();
    Plan plan = report.plan();
    if (plan.status() == Status.OK) {
      return;
    }
    String level = plan.status() == Status.ERROR || strict ? "error" : "warning";
    List<String> lines = new ArrayList<>();
    lines.add(Verdict.of(plan));
    for (var p : plan.poolers()) {
      lines.add(p.name() + ": " + PoolerText.verdict(p));
    }
    FitText.overrun(file.advice()).ifPresent(lines::add);
    for (Finding f : FitText.peakReasons(plan)) {
      lines.add(f.message());
    }
    FitText.remediesHeading(plan, file.advice()).ifPresent(lines::add);
    for (Remedy r : file.advice().remedies()) {
      lines.add("- " + FitText.remedy(r));
    }
    Optional<String> at = file.advice().overrun().map(o -> o.app()).or(() -> firstAppFinding(plan));
    out.append(
        command(
            level,
            file.file(),
            at.map(report::location),
            "poolcalc: connection pools "
                + (plan.status() == Status.ERROR ? "do not fit" : "over budget"),
            String.join("\n", lines)));
    for (Finding f : FitText.otherProblems(plan)) {
      if (f.app().isPresent() && !f.app().equals(at)) {
        out.append(
            command(
                f.severity().label(),
                file.file(),
                Optional.of(report.location(f.app().get())),
                "poolcalc: " + f.code(),
                f.message()));
      }
    }
    for (Remedy r : file.advice().remedies()) {
      if (r.kind() == Remedy.Kind.LOWER_CONNECTION_LIMIT) {
        out.append(
            command(
                "notice",
                file.file(),
                Optional.of(report.location(r.name().get())),
                "poolcalc: what would fit",
                FitText.remedy(r)));
      }
    }
  }

  private static Optional<String> firstAppFinding(Plan plan) {
    return plan.findings().stream()
        .filter(f -> f.severity() == Severity.ERROR)
        .flatMap(f -> f.app().stream())
        .findFirst()
        .or(() -> plan.apps().stream().findFirst().map(AppPlan::name));
  }

  /** One workflow command line, escaped as the Actions toolkit does. */
  static String command(
      String level, String file, Optional<SourceLocation> position, String title, String message) {
    List<String> properties = new ArrayList<>();
    if (!file.equals(STDIN)) {
      properties.add("file=" + property(file.startsWith("./") ? file.substring(2) : file));
      position.ifPresent(
          p -> {
            properties.add("line=" + p.line());
            properties.add("col=" + p.column());
          });
    }
    properties.add("title=" + property(title));
    return "::" + level + " " + String.join(",", properties) + "::" + data(message) + "\n";
  }

  /** Message text: '%', CR and LF are escaped so a message may span lines. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Property values also escape ':' and ',' which would end them. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
