package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What people expect of a command line: completion, "did you mean", forgiving format names. */
class UsabilityTest {

  private static final String PRODUCTION = "examples/production.yaml";

  @TempDir Path dir;

  @Test
  void aMistypedCommandSuggestsTheClosestOne() {
    Cli.Result r = Cli.run("plna", PRODUCTION);
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).startsWith("poolcalc: error: unknown command 'plna'; did you mean 'plan'?");
  }

  @Test
  void aMistypedOptionSuggestsTheClosestOne() {
    Cli.Result r = Cli.run("plan", "--fromat", "json", PRODUCTION);
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err())
        .startsWith("poolcalc: error: unknown option '--fromat'; did you mean '--format'?");
  }

  @Test
  void formatNamesAreCaseInsensitive() {
    Cli.Result upper = Cli.run("plan", PRODUCTION, "--format", "JSON");
    assertThat(upper.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(upper.out()).isEqualTo(Cli.run("plan", PRODUCTION, "--format", "json").out());
  }

  @Test
  void bashCompletionOffersSubcommandsAndFormatValues() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/bin/bash")), () -> skip("bash is not installed here"));
    Path script = dir.resolve("poolcalc.bash");
    Cli.Result r = Cli.run("completion", "bash");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    Files.writeString(script, r.out());

    assertThat(complete(script, "poolcalc", "pl")).isEqualTo("plan");
    assertThat(complete(script, "poolcalc", "plan", "--format", ""))
        .isEqualTo("table json markdown");
    assertThat(complete(script, "poolcalc", "check", "--format", ""))
        .isEqualTo("text json github markdown");
  }

  @Test
  void zshGetsTheSameScriptMarkedForCompinit() {
    Cli.Result r = Cli.run("completion", "zsh");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("#compdef poolcalc\n").contains("_complete_poolcalc");
  }

  @Test
  void anUnknownShellIsAUsageError() {
    assertThat(Cli.run("completion", "fish").exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
  }

  /** What the completion function offers for the last word, as bash would call it. */
  private static String complete(Path script, String... words)
      throws IOException, InterruptedException {
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append(" '").append(w).append('\'');
    }
    String line = String.join(" ", words);
    String program =
        "source '"
            + script
            + "' 2>/dev/null; COMP_WORDS=("
            + array
            + "); COMP_CWORD="
            + (words.length - 1)
            + "; COMP_LINE='"
            + line
            + "'; COMP_POINT=${#COMP_LINE}; _complete_poolcalc 2>/dev/null;"
            + " echo \"${COMPREPLY[*]}\"";
    Process p = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
  }

  private static String skip(String reason) {
    System.err.println("UsabilityTest: skipped: " + reason);
    return reason;
  }

  @Test
  void holdMustBeAWholeNumberOfSecondsNotBelowZero() {
    Cli.Result negative =
        Cli.run("rehearse", PRODUCTION, "--db", "postgresql://app@localhost/shop", "--hold", "-1");
    assertThat(negative.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(negative.err()).contains("--hold must be 0 or more seconds (got -1)");
    Cli.Result words =
        Cli.run("rehearse", PRODUCTION, "--db", "postgresql://app@localhost/shop", "--hold", "ten");
    assertThat(words.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(words.err()).contains("'ten' is not a whole number of seconds");
  }
}
