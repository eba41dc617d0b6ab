package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Absurd inputs are refused early, with their place and exit 2, and large honest ones still plan.
 * Before, a 100,000-app file hit SnakeYAML's 3 MB default and a 1 MB key peaked at 540 MiB.
 */
class InputLimitsTest {

  private static final String MEGABYTE = "k".repeat(1 << 20);

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void assertRefused(Cli.Result r, String expected) {
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).isEqualTo(expected + "\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aHundredThousandAppFilePlans() throws IOException {
    StringBuilder yaml = new StringBuilder("database:\n  max_connections: 262143\napps:\n");
    for (int i = 0; i < 100_000; i++) {
      yaml.append(String.format("  - name: app-%06d-payments-service%n    replicas: 1%n", i));
    }
    Path file = write("big.yaml", yaml.toString());
    // Each app is 51 bytes: 5.1 MB, past the 3 MiB SnakeYAML reads by default.
    assertThat(Files.size(file)).isGreaterThan(5_000_000);

    Cli.Result r = Cli.run("plan", file.toString(), "--format", "json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    // 100,000 instances share floor(262143 × 0.85) = 222821: floor(2.23) = 2 each.
    assertThat(r.out())
        .contains("\"name\": \"app-099999-payments-service\"")
        .contains("\"total_connections\": 200000");
  }

  @Test
  void aMegabyteKeyIsRefusedAtItsLineBeforeParsing() throws IOException {
    Path file =
        write("key.yaml", "database:\n  max_connections: 100\n  " + MEGABYTE + ": 1\napps: []\n");

    // The line: 2 spaces, the key, ": 1" = 1,048,581 characters.
    assertRefused(
        Cli.run("plan", file.toString()),
        file
            + ":3:3: error: this line is 1048581 characters long, more than the 131072 poolcalc"
            + " reads (keys may be at most 1024 characters, values 65536)");
  }

  @Test
  void aMegabyteValueIsRefusedAtItsLineBeforeParsing() throws IOException {
    Path file =
        write(
            "value.yaml", "database:\n  max_connections: 100\napps:\n  - name: " + MEGABYTE + "\n");

    // "  - name: " is 10 characters; the line starts at the dash.
    assertRefused(
        Cli.run("plan", file.toString()),
        file
            + ":4:3: error: this line is 1048586 characters long, more than the 131072 poolcalc"
            + " reads (keys may be at most 1024 characters, values 65536)");
  }

  @Test
  void aLongValueOnShortLinesIsRefusedAtTheValue() throws IOException {
    String block = ("      " + "v".repeat(99) + "\n").repeat(1000);
    Path file =
        write(
            "block.yaml",
            "database:\n  max_connections: 100\napps:\n  - name: |\n"
                + block
                + "    replicas: 1\n");

    // A literal block keeps each line's 99 characters and its newline: 100,000 in all.
    assertRefused(
        Cli.run("plan", file.toString()),
        file
            + ":4:11: error: a value of 100000 characters is longer than the 65536 poolcalc"
            + " reads; shorten it");
  }

  @Test
  void aKeyPastYamlsOwnLimitIsNamedAsSuch() throws IOException {
    Path file =
        write(
            "key.yaml",
            "database:\n  max_connections: 100\n  " + "k".repeat(1100) + ": 1\napps: []\n");

    assertRefused(
        Cli.run("plan", file.toString()),
        file
            + ":3:3: error: a key may be at most 1024 characters, and this one has no ':' within"
            + " them; shorten it");
  }

  @Test
  void anExplicitLongKeyIsRefusedAtTheKey() throws IOException {
    Path file =
        write(
            "key.yaml",
            "database:\n  max_connections: 100\n  ? " + "k".repeat(1100) + "\n  : 1\napps: []\n");

    assertRefused(
        Cli.run("plan", file.toString()),
        file
            + ":3:5: error: a key of 1100 characters is longer than the 1024 poolcalc reads;"
            + " shorten it");
  }

  @Test
  void aFileOverSixtyFourMebibytesIsRefusedByItsSize() throws IOException {
    Path file = dir.resolve("huge.yaml");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength((64L << 20) + 1); // a hole: no disk used, nothing to parse
    }

    assertRefused(
        Cli.run("plan", file.toString()),
        file + ": error: is 67108865 bytes, more than the 64 MiB poolcalc reads from one file");
  }

  @Test
  void anIncludedFileOverTheCapIsRefusedWhereItIsNamed() throws IOException {
    try (RandomAccessFile sparse = new RandomAccessFile(dir.resolve("team.yaml").toFile(), "rw")) {
      sparse.setLength((64L << 20) + 1);
    }
    Path file = write("d.yaml", "database:\n  max_connections: 100\ninclude:\n  - team.yaml\n");

    Cli.Result r = Cli.run("plan", file.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err())
        .contains(
            file
                + ":4:5: error: include[0]: "
                + dir.resolve("team.yaml")
                + " is 67108865 bytes, more than the 64 MiB poolcalc reads from one file");
  }
}
