package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Findings wrap to a terminal's width; piped, each stays one line. */
class TerminalWidthTest {

  private static final String FILE = "examples/development-hot-reload.yaml";

  private static List<String> findings(String out) {
    // From the verdict's blank line to the Arithmetic heading's.
    String block = out.substring(out.indexOf("\n\n", out.indexOf("total ")) + 2);
    return block
        .substring(block.indexOf('\n') + 1, block.indexOf("\n\nArithmetic"))
        .lines()
        .toList();
  }

  @Test
  void onATerminalFindingsWrapAtColumns() {
    Cli.Result piped = Cli.run("plan", FILE);
    Cli.Result terminal = Cli.onTerminal(Map.of("COLUMNS", "60", "NO_COLOR", "1"), "plan", FILE);

    assertThat(terminal.exitCode()).isEqualTo(piped.exitCode());
    List<String> wrapped = findings(terminal.out());
    assertThat(wrapped).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
    assertThat(wrapped)
        .startsWith(
            "error: the pools can open 125 connections but ordinary roles",
            "  get only 97 (max_connections 100 − 3 superuser_reserved −");
    // Joined back, the wrapped lines are the piped ones: nothing lost, nothing added.
    assertThat(String.join("\n", wrapped).replace("\n  ", " "))
        .isEqualTo(String.join("\n", findings(piped.out())));
    assertThat(findings(piped.out())).hasSize(2);
  }

  @Test
  void withoutColumnsATerminalIsEightyWide() {
    Cli.Result terminal = Cli.onTerminal(Map.of("NO_COLOR", "1"), "plan", FILE);

    assertThat(findings(terminal.out()))
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80))
        .hasSizeGreaterThan(2);
  }

  @Test
  void checkWrapsItsFindingsToo() {
    Cli.Result terminal =
        Cli.onTerminal(
            Map.of("COLUMNS", "60", "NO_COLOR", "1"), "check", "examples/pgbouncer.yaml");

    List<String> lines = terminal.out().lines().toList();
    int first = lines.indexOf("  warning: shop-web uses Prisma through bouncer in");
    assertThat(first).isNotNegative();
    assertThat(lines.get(first + 1)).startsWith("    transaction mode,");
    for (int i = first; i == first || lines.get(i).startsWith("    "); i++) {
      assertThat(lines.get(i).length()).as(lines.get(i)).isLessThanOrEqualTo(60);
    }
  }
}
