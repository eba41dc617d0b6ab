package dev.poolcalc.render;

import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Remedy;
import dev.poolcalc.engine.Status;
import dev.poolcalc.report.CheckedFile;
import java.util.List;

/** {@code poolcalc check}'s report for a person or a CI log: one block per file, then a verdict. */
public final class CheckText {

  private CheckText() {}

  public static String render(List<CheckedFile> files, boolean strict, Style style) {
    return render(files, strict, style, Wrap.NONE);
  }

  /** The same, with findings wrapped to a terminal's width. */
  public static String render(List<CheckedFile> files, boolean strict, Style style, Wrap wrap) {
    StringBuilder out = new StringBuilder();
    for (CheckedFile file : files) {
      block(out, file, strict, style, wrap);
    }
    out.append(summary(files, style)).append('\n');
    return out.toString();
  }

  private static void block(
      StringBuilder out, CheckedFile file, boolean strict, Style style, Wrap wrap) {
    if (file.report().isEmpty()) {
      int n = file.problems().size();
      out.append(style.status(Status.ERROR, "INVALID"))
          .append("  ")
          .append(file.file())
          .append(": ")
          .append(n)
          .append(n == 1 ? " problem" : " problems")
          .append(" (listed on standard error); fix and run again\n\n");
      return;
    }
    Plan plan = file.report().get().plan();
    Status status = plan.status();
    String mark = file.passed() ? "PASS" : "FAIL";
    out.append(style.status(file.passed() ? Status.OK : Status.ERROR, mark))
        .append("  ")
        .append(file.file())
        .append("  status ")
        .append(style.status(status, status.label()));
    if (status == Status.WARNING && !strict) {
      out.append(" (--strict fails on warnings)");
    }
    out.append('\n');
    out.append("  ").append(Verdict.of(plan)).append('\n');
    for (var p : plan.poolers()) {
      out.append("  ").append(p.name()).append(": ").append(PoolerText.verdict(p)).append('\n');
    }
    FitText.overrun(file.advice()).ifPresent(s -> out.append("  ").append(s).append('\n'));
    for (Finding f : FitText.peakReasons(plan)) {
      out.append("    ").append(wrap.text(4, f.message() + " [" + f.code() + "]", 6)).append('\n');
    }
    for (Finding f : FitText.otherProblems(plan)) {
      String label = f.severity().label();
      out.append("  ")
          .append(label)
          .append(": ")
          .append(wrap.text(label.length() + 4, f.message() + " [" + f.code() + "]", 4))
          .append('\n');
    }
    FitText.remediesHeading(plan, file.advice())
        .ifPresent(h -> out.append("  ").append(h).append('\n'));
    for (Remedy r : file.advice().remedies()) {
      out.append("    - ").append(FitText.remedy(r)).append('\n');
    }
    out.append('\n');
  }

  /** One line that a CI log ends with: passed, or how many files failed and why. */
  static String summary(List<CheckedFile> files, Style style) {
    long invalid = files.stream().filter(f -> f.report().isEmpty()).count();
    long failed = files.stream().filter(f -> f.report().isPresent() && !f.passed()).count();
    if (invalid > 0) {
      return style.status(
          Status.ERROR,
          "check failed: "
              + count(invalid, files.size(), "is not valid input", "are not valid input"));
    }
    long tooSmall =
        files.stream()
            .filter(f -> f.report().isPresent() && !f.passed())
            .filter(f -> f.report().get().plan().status() == Status.OK)
            .count();
    if (failed > 0 && tooSmall == failed) {
      // Only check --demand fails a plan that fits the server: its pools are too small.
      return style.status(
          Status.ERROR,
          "check failed: "
              + count(
                  failed,
                  files.size(),
                  "fits the server, but a pool is too small for its demand",
                  "fit the server, but a pool is too small for its demand"));
    }
    if (failed > 0) {
      return style.status(
          Status.ERROR,
          "check failed: " + count(failed, files.size(), "does not fit", "do not fit"));
    }
    return style.status(
        Status.OK,
        "check passed: "
            + (files.size() == 1 ? "the plan fits" : "all " + files.size() + " plans fit"));
  }

  /** "the plan does not fit" for one file, "2 of 3 plans do not fit" for several. */
  private static String count(long n, int of, String one, String many) {
    String noun = one.startsWith("is") || one.startsWith("are") ? "file" : "plan";
    if (of == 1) {
      return "the " + noun + " " + one;
    }
    return n + " of " + of + " " + noun + "s " + (n == 1 ? one : many);
  }
}
