package dev.poolcalc.render;

import dev.poolcalc.config.DeploymentFile;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.config.Problem;
import dev.poolcalc.config.SourceLocation;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Status;
import dev.poolcalc.report.Report;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What {@code poolcalc env} prints or writes besides the variables themselves. */
public final class EnvText {

  private EnvText() {}

  /** env renders every URL from database.url: without it there is nothing to write. */
  public static void requireUrl(DeploymentFile file) throws InvalidInputException {
    if (file.deployment().database().url().isEmpty()) {
      SourceLocation at = file.location("database").orElse(new SourceLocation(file.file(), 1, 1));
      throw new InvalidInputException(
          Problem.at(
              at,
              "database.url is not set, and env renders each app's URL from it; add"
                  + " url: postgresql://user:${DB_PASSWORD}@host:5432/dbname"));
    }
  }

  /** The first comment line of every output: where it came from, and not to edit it. */
  public static String heading(String file) {
    return "# written by poolcalc env from " + file + "; rerun it instead of editing\n";
  }

  /**
   * Why a plan that does not fit gets no settings (error) or gets them with a warning; nothing for
   * a plan that fits.
   */
  public static Optional<String> notFitting(String file, Status status) {
    if (status == Status.OK) {
      return Optional.empty();
    }
    if (status == Status.ERROR) {
      return Optional.of(
          "poolcalc: error: "
              + file
              + " does not fit its server (status error), so these settings would be refused;"
              + " nothing was written. Run 'poolcalc check "
              + file
              + "' for what would fit.");
    }
    return Optional.of(
        "poolcalc: warning: "
            + file
            + " is over its budget (status warning); run 'poolcalc check "
            + file
            + "' for what would fit.");
  }

  /**
   * One file per app ({@code <app>.env}, {@code .yaml}, …), name → content.
   *
   * @throws InvalidInputException when two apps differ only in case: on macOS and Windows their
   *     files would be one
   */
  public static Map<String, String> files(
      Report report, List<AppPlan> apps, EnvFormat format, EnvFormat.Selection selection)
      throws InvalidInputException {
    Map<String, String> seen = new HashMap<>();
    Map<String, String> files = new LinkedHashMap<>();
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
      files.put(format.fileName(a.name()), format.file(report, a, selection));
    }
    return files;
  }
}
