package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.engine.Client;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one golden harness for what the commands print. Every input — each example, each case under
 * {@code src/test/resources/golden}, each client's file under {@code src/test/resources/clients} —
 * is run through every {@link Output} and compared byte for byte with {@code <case>.<suffix>}:
 * beside the input, or under {@code golden/} for the examples (which users read, so they stay
 * alone). An example that needs files of its own (manifests for {@code from:}) is a folder, {@code
 * examples/<folder>/}, whose deployment files are named {@code deployment*.yaml}; its golden
 * outputs are {@code golden/<folder>-<file>.<suffix>}.
 *
 * <p>A golden file holds standard output; when the command also exits non-zero or writes to
 * standard error, a trailer {@code --- exit N, stderr:} and the error text follow, so a change of
 * exit code shows in the diff too. Run with {@code -Dgolden.update=true} to rewrite them after a
 * deliberate change, then review {@code git diff}. The audit and rehearsal reports, which need a
 * live server, have fixed snapshots in {@code render.ServerReportGoldenTest}.
 */
class GoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Path CLIENTS = Path.of("src/test/resources/clients");
  private static final Path EXAMPLES = Path.of("examples");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  /** One command's output for one input, and the suffix of its golden file. */
  enum Output {
    PLAN_TABLE("table.txt", "plan", "--format", "table"),
    PLAN_JSON("json", "plan", "--format", "json"),
    PLAN_MARKDOWN("md", "plan", "--format", "markdown"),
    CHECK_TEXT("check.txt", "check"),
    CHECK_JSON("check.json", "check", "--format", "json"),
    CHECK_GITHUB("check.github.txt", "check", "--format", "github"),
    CHECK_MARKDOWN("check.md", "check", "--format", "markdown"),
    EXPLAIN("explain.txt", "explain"),
    ENV("env", "env"),
    /** Only for inputs with demand: there is nothing to suggest without one. */
    SUGGEST_TABLE("suggest.txt", "plan", "--suggest"),
    SUGGEST_JSON("suggest.json", "plan", "--suggest", "--format", "json");

    final String suffix;
    final String command;
    final List<String> options;

    Output(String suffix, String command, String... options) {
      this.suffix = suffix;
      this.command = command;
      this.options = List.of(options);
    }

    /** Every output applies to every input, but --suggest only to one with demand. */
    boolean appliesTo(Path input) throws IOException {
      boolean suggest = this == SUGGEST_TABLE || this == SUGGEST_JSON;
      return !suggest || Files.readString(input, StandardCharsets.UTF_8).contains("demand:");
    }

    String[] args(Path input) {
      List<String> args = new ArrayList<>(List.of(command, input.toString()));
      args.addAll(options);
      return args.toArray(String[]::new);
    }
  }

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (Path dir : List.of(EXAMPLES, GOLDEN, CLIENTS)) {
      for (Path input : dir.equals(EXAMPLES) ? exampleInputs() : inputs(dir)) {
        for (Output output : Output.values()) {
          if (output.appliesTo(input)) {
            cases.add(Arguments.of(input, output));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void outputMatchesGoldenFile(Path input, Output output) throws IOException {
    Path expected = goldenFile(input, output);

    Cli.Result result = Cli.run(Map.of(), "", output.args(input));

    assertThat(result.exitCode())
        .as(result.err())
        .isIn(ExitCode.OK, ExitCode.CHECK_FAILED, ExitCode.INVALID_INPUT);
    String actual = result.out() + trailer(result);
    if (UPDATE) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(expected).as("golden partner of %s", input).exists();
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  @Test
  void everyGoldenOutputHasItsInput() throws IOException {
    List<String> orphans = new ArrayList<>();
    List<String> examples = exampleInputs().stream().map(GoldenTest::caseName).toList();
    for (Path dir : List.of(GOLDEN, CLIENTS)) {
      try (Stream<Path> files = Files.list(dir)) {
        files
            .map(f -> f.getFileName().toString())
            .filter(f -> !f.endsWith(".yaml"))
            .filter(f -> Arrays.stream(Output.values()).anyMatch(o -> f.endsWith("." + o.suffix)))
            .filter(f -> !hasInput(dir, f, examples))
            .forEach(orphans::add);
      }
    }
    assertThat(orphans).as("golden outputs without an input").isEmpty();
  }

  @Test
  void everyClientHasAGoldenCase() throws IOException {
    assertThat(inputs(CLIENTS).stream().map(p -> p.getFileName().toString().replace(".yaml", "")))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Client.values()).map(Client::key).toList());
  }

  /** The top-level examples, then each example folder's deployment files. */
  private static List<Path> exampleInputs() throws IOException {
    List<Path> all = new ArrayList<>(inputs(EXAMPLES));
    try (Stream<Path> folders = Files.list(EXAMPLES)) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        inputs(folder).stream()
            .filter(f -> f.getFileName().toString().startsWith("deployment"))
            .forEach(all::add);
      }
    }
    return all;
  }

  private static List<Path> inputs(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static Path goldenFile(Path input, Output output) {
    Path dir = input.startsWith(EXAMPLES) ? GOLDEN : input.getParent();
    return dir.resolve(caseName(input) + "." + output.suffix);
  }

  /** The file's name without .yaml; an example folder's files are prefixed with the folder. */
  private static String caseName(Path input) {
    String name = input.getFileName().toString().replaceFirst("\\.yaml$", "");
    Path parent = input.getParent();
    boolean inExampleFolder = input.startsWith(EXAMPLES) && !EXAMPLES.equals(parent);
    return inExampleFolder ? parent.getFileName() + "-" + name : name;
  }

  private static boolean hasInput(Path dir, String output, List<String> examples) {
    String name = output.substring(0, output.indexOf('.'));
    return Files.exists(dir.resolve(name + ".yaml"))
        || dir.equals(GOLDEN) && examples.contains(name);
  }

  private static String trailer(Cli.Result result) {
    if (result.exitCode() == ExitCode.OK && result.err().isEmpty()) {
      return "";
    }
    return "--- exit " + result.exitCode() + ", stderr:\n" + result.err();
  }
}
