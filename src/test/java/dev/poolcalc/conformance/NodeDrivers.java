package dev.poolcalc.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The node drivers in src/test/clients/node: where they are, whether node and their npm packages
 * are installed (else the test is skipped or, under CI, fails, with the command that installs
 * them), and how to run one.
 */
final class NodeDrivers {

  static final String INSTALL = "bash src/test/clients/node/install.sh";

  private NodeDrivers() {}

  /** The drivers' folder, found from Maven's basedir as PostgresServer finds target/. */
  static Path directory() {
    return Path.of(System.getProperty("basedir", "."), "src", "test", "clients", "node");
  }

  /** Skips (or fails under CI) unless node answers and the drivers' packages are installed. */
  static void requireInstalled(String... packages) {
    Requirement.require(
        Driver.answers("node", "--version"), "node", "install Node.js 20.19 or newer");
    for (String pkg : packages) {
      Requirement.require(
          Files.isRegularFile(directory().resolve("node_modules").resolve(pkg)),
          "node_modules/" + pkg + " in " + directory(),
          "run " + INSTALL + ", which runs npm ci and prisma generate there");
    }
  }

  /** The driver's source, to check it builds the pool with the snippet poolcalc renders. */
  static String source(String script) {
    try {
      return Files.readString(directory().resolve(script));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Outcome run(String script, Map<String, String> rendered)
      throws IOException, InterruptedException {
    return Driver.run(directory(), rendered, "node", script);
  }
}
