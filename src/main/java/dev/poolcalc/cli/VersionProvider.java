package dev.poolcalc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version and git commit Maven wrote into the jar at build time ({@code
 * poolcalc-version.properties}; the commit from {@code git rev-parse} in the pom, "unknown" where
 * the source was not a git checkout).
 */
final class VersionProvider implements IVersionProvider {

  private static Properties properties() {
    Properties properties = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/poolcalc-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // Fall through to "unknown": a version line is not worth failing a command for.
    }
    return properties;
  }

  static String version() {
    return properties().getProperty("version", "unknown");
  }

  static String commit() {
    String commit = properties().getProperty("commit", "");
    // Unfiltered (an IDE's build), or a build outside a git checkout.
    return commit.isBlank() || commit.startsWith("${") ? "unknown" : commit;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"poolcalc " + version() + " (commit " + commit() + ")"};
  }
}
