package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.engine.Client;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One golden plan per client library: {@code clients/<client>.yaml} → {@code <client>.json}. */
class ClientGoldenPlansTest {

  private static final Path DIR = Path.of("src/test/resources/clients");

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void planJsonMatchesTheGoldenFileExactly(Path yaml) throws IOException {
    Path golden = Path.of(yaml.toString().replaceFirst("\\.yaml$", ".json"));
    assertThat(golden).as("golden partner of " + yaml).exists();

    Cli.Result result = Cli.run("plan", yaml.toString(), "--format", "json");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void everyClientHasAGoldenPlan() throws IOException {
    assertThat(cases().map(p -> p.getFileName().toString().replace(".yaml", "")))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Client.values()).map(Client::key).toList());
  }
}
