package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.conformance.Requirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code poolcalc completion bash}, sourced in a real bash: what its completion function offers
 * after each prefix, as bash's own {@code compgen} finds it.
 */
class CompletionTest {

  @TempDir Path dir;

  /** Each line: the words typed (the last one being completed), then " -> " and what is offered. */
  private List<String> offered(String... lines) throws IOException, InterruptedException {
    Path bash = Path.of("/bin/bash");
    Requirement.require(Files.isExecutable(bash), "bash", "apt-get install bash");
    Cli.Result script = Cli.run("completion", "bash");
    assertThat(script.exitCode()).isZero();
    Path completion = Files.writeString(dir.resolve("poolcalc.bash"), script.out());
    StringBuilder test = new StringBuilder("source ").append(completion).append('\n');
    test.append(
        "offer() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
            + " COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}; COMPREPLY=();"
            + " _complete_poolcalc 2>/dev/null; echo \"$* -> ${COMPREPLY[*]}\"; }\n");
    for (String line : lines) {
      test.append("offer ").append(line).append('\n');
    }
    Path file = Files.writeString(dir.resolve("test.sh"), test.toString());
    Process p =
        new ProcessBuilder(bash.toString(), "--norc", "--noprofile", file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  @Test
  void bashCompletesSubcommandsOptionsAndFormatValues() throws Exception {
    assertThat(
            offered(
                "poolcalc ''",
                "poolcalc pl",
                "poolcalc plan x.yaml --format ''",
                "poolcalc check x.yaml --format ''",
                "poolcalc check x.yaml --format gi",
                "poolcalc env x.yaml --format ''",
                "poolcalc audit x.yaml --format ''",
                "poolcalc completion ''",
                "poolcalc --ver"))
        .containsExactly(
            "poolcalc  -> plan check env explain audit rehearse import providers completion schema help",
            "poolcalc pl -> plan",
            "poolcalc plan x.yaml --format  -> table json markdown",
            "poolcalc check x.yaml --format  -> text json github markdown",
            "poolcalc check x.yaml --format gi -> github",
            "poolcalc env x.yaml --format  -> dotenv k8s-secret json shell",
            "poolcalc audit x.yaml --format  -> table json",
            "poolcalc completion  -> bash zsh",
            "poolcalc --ver -> --version");
  }

  @Test
  void zshScriptIsTheBashOneUnderACompdefLine() {
    Cli.Result zsh = Cli.run("completion", "zsh");

    assertThat(zsh.exitCode()).isZero();
    assertThat(zsh.out()).isEqualTo("#compdef poolcalc\n" + Cli.run("completion", "bash").out());
  }
}
