package dev.poolcalc.render;

import dev.poolcalc.report.CheckedFile;
import java.nio.file.Path;
import java.util.List;

/** The formats of {@code check}: what each prints for a run over one or more files. */
public enum CheckFormat {
  text,
  json,
  /** Workflow-command annotations GitHub attaches to the lines, then the text report. */
  github,
  markdown;

  /**
   * @param annotationBase where annotation paths start (GitHub attaches them by repository path)
   */
  public String render(
      List<CheckedFile> results, boolean strict, Style style, Path annotationBase) {
    return render(results, strict, style, annotationBase, Wrap.NONE);
  }

  /** The same, the text report's findings wrapped to {@code wrap} (annotations never are). */
  public String render(
      List<CheckedFile> results, boolean strict, Style style, Path annotationBase, Wrap wrap) {
    return switch (this) {
      case text -> CheckText.render(results, strict, style, wrap);
      case json -> CheckJson.render(results, strict);
      case markdown -> CheckMarkdown.render(results, strict);
      case github ->
          GithubAnnotations.render(results, strict, annotationBase)
              + CheckText.render(results, strict, Style.PLAIN);
    };
  }

  /** GitHub's format also appends the Markdown report to the job summary. */
  public boolean writesStepSummary() {
    return this == github;
  }
}
