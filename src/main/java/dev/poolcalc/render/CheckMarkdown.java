package dev.poolcalc.render;

import dev.poolcalc.config.Problem;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Remedy;
import dev.poolcalc.report.CheckedFile;
import java.util.List;

/**
 * {@code poolcalc check} as Markdown: the verdict, a table of files, then each file's reasons and
 * its plan. It is also what {@code --format github} appends to the job summary.
 */
public final class CheckMarkdown {

  private CheckMarkdown() {}

  public static String render(List<CheckedFile> files, boolean strict) {
    boolean passed = files.stream().allMatch(CheckedFile::passed);
    StringBuilder out = new StringBuilder();
    out.append("## poolcalc check: ").append(passed ? "✅ passed" : "❌ failed");
    if (strict) {
      out.append(" (strict)");
    }
    out.append("\n\n| File | Status | Result |\n|---|---|---|\n");
    for (CheckedFile file : files) {
      out.append("| `")
          .append(MarkdownRenderer.escape(file.file()))
          .append("` | ")
          .append(file.statusLabel())
          .append(" | ")
          .append(file.passed() ? "pass" : "**fail**")
          .append(" |\n");
    }
    for (CheckedFile file : files) {
      out.append("\n---\n\n### `").append(MarkdownRenderer.escape(file.file())).append("`\n\n");
      if (file.report().isEmpty()) {
        for (Problem p : file.problems()) {
          out.append("- ")
              .append(p.location().map(l -> "line " + l.line() + ": ").orElse(""))
              .append(MarkdownRenderer.escape(p.message()))
              .append('\n');
        }
        continue;
      }
      Plan plan = file.report().get().plan();
      var overrun = FitText.overrun(file.advice());
      if (overrun.isPresent()) {
        out.append("**").append(MarkdownRenderer.escape(overrun.get())).append("**\n\n");
        for (Finding f : FitText.peakReasons(plan)) {
          out.append("- ").append(MarkdownRenderer.escape(f.message())).append('\n');
        }
        if (!FitText.peakReasons(plan).isEmpty()) {
          out.append('\n');
        }
      }
      var heading = FitText.remediesHeading(plan, file.advice());
      if (heading.isPresent()) {
        out.append(MarkdownRenderer.escape(heading.get())).append("\n\n");
        for (Remedy r : file.advice().remedies()) {
          out.append("- ").append(MarkdownRenderer.escape(FitText.remedy(r))).append('\n');
        }
        out.append('\n');
      }
      out.append(MarkdownRenderer.render(plan));
    }
    return out.toString();
  }
}
