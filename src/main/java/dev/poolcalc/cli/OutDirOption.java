package dev.poolcalc.cli;

import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.output.EnvFiles;
import dev.poolcalc.output.WriteFailedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --out-dir DIR [--force]}: write one file per app instead of printing. */
final class OutDirOption {

  @Option(
      names = "--out-dir",
      paramLabel = "DIR",
      description = "Write DIR/<app>.env (mode 0600) for each app instead of printing.")
  Path outDir;

  @Option(names = "--force", description = "With --out-dir: replace files that exist.")
  boolean force;

  /** Refuses --force without a folder to write to. */
  void validate(CommandSpec spec) {
    if (force && outDir == null) {
      throw new ParameterException(spec.commandLine(), "--force only applies with --out-dir DIR");
    }
  }

  boolean printing() {
    return outDir == null;
  }

  /** Writes every file or none, and says what it wrote. */
  void write(Map<String, String> files, PrintWriter out)
      throws InvalidInputException, WriteFailedException {
    for (Path written : EnvFiles.writeAll(outDir, files, force)) {
      out.println("wrote " + written + " (mode 0600)");
    }
    out.flush();
  }
}
