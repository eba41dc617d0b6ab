package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: every example and every case under src/test/resources/golden is planned in each
 * format and compared with {@code golden/<case>.table.txt}, {@code .json} and {@code .md}. Run with
 * {@code -Dgolden.update=true} to rewrite them after a deliberate change, then review the diff.
 */
class GoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Path EXAMPLES = Path.of("examples");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private static final String[][] FORMATS = {
    {"table", ".table.txt"}, {"json", ".json"}, {"markdown", ".md"}
  };

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (Path dir : List.of(EXAMPLES, GOLDEN)) {
      try (Stream<Path> files = Files.list(dir)) {
        files
            .filter(f -> f.toString().endsWith(".yaml"))
            .sorted()
            .forEach(
                f -> {
                  for (String[] format : FORMATS) {
                    cases.add(Arguments.of(f, format[0], format[1]));
                  }
                });
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void planMatchesGoldenFile(Path input, String format, String suffix) throws IOException {
    String name = input.getFileName().toString().replaceFirst("\\.yaml$", "");
    Path expected = GOLDEN.resolve(name + suffix);

    Cli.Result result = Cli.run("plan", input.toString(), "--format", format);

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
    if (UPDATE) {
      Files.writeString(expected, result.out(), StandardCharsets.UTF_8);
    }
    assertThat(expected).as("golden partner of %s", input).exists();
    assertThat(result.out()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  @Test
  void everyGoldenOutputHasItsInput() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      List<String> orphans =
          files
              .map(f -> f.getFileName().toString())
              .filter(f -> !f.endsWith(".yaml"))
              .map(f -> f.replaceFirst("\\.(table\\.txt|json|md)$", ".yaml"))
              .filter(f -> !Files.exists(GOLDEN.resolve(f)) && !Files.exists(EXAMPLES.resolve(f)))
              .toList();
      assertThat(orphans).as("golden outputs without an input").isEmpty();
    }
  }
}
