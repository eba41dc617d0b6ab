package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example's plan table fits 80 columns: each table from its header to its total row, and the
 * verdict. The lines after it (findings, URLs, settings) are exempt: a URL is one word, and
 * findings wrap on a terminal instead.
 */
class EightyColumnsTest {

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("examples"))) {
      return files
          .filter(f -> f.getFileName().toString().matches(".*\\.yaml"))
          .filter(
              f ->
                  !f.getParent().getFileName().toString().equals("kubernetes")
                      || f.getFileName().toString().startsWith("deployment"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void planTablesFitEightyColumns(Path example) {
    Cli.Result result = Cli.run("plan", example.toString());
    List<String> lines = result.out().lines().toList();

    boolean inTable = false;
    int checked = 0;
    for (String line : lines) {
      if (line.startsWith("APP ")) {
        inTable = true;
      }
      if (inTable || line.matches("^(OK|WARNING|ERROR): .*")) {
        assertThat(line.length()).as(example + ": " + line).isLessThanOrEqualTo(80);
        checked++;
      }
      if (line.startsWith("total ")) {
        inTable = false;
      }
    }
    assertThat(checked).as(example.toString()).isGreaterThan(3);
  }
}
