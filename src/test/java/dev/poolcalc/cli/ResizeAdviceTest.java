package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a managed server the answer to "does not fit" is a size: check names the one that fits. */
class ResizeAdviceTest {

  private static final String APPS =
      """
      apps:
        - name: web
          replicas: 20
          connection_limit: 20
        - name: worker
          replicas: 4
      """;

  @Test
  void checkSuggestsTheSmallestLargerSizeOfTheFamilyThatFits(@TempDir Path dir) throws IOException {
    Path file = write(dir, "database:\n  provider: aws-rds\n  instance: db.t3.medium\n" + APPS);

    Cli.Result check = Cli.run("check", file.toString());

    // db.t3.medium: floor(4 GiB / 9531392) = 450, budget floor(450 × 0.85) = 382 < 20 × 20.
    // db.t3.large: floor(8 GiB / 9531392) = 901, budget 765; worker (765 − 400) / 4 = 91 each.
    assertThat(check.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(check.out())
        .contains(
            "    - move aws-rds db.t3.medium to db.t3.large: max_connections 901 at most (from"
                + " 450): budget 765, total 764\n")
        .contains("    - lower web to connection_limit 18 (from 20)");
    JsonNode resize = suggestion(Cli.run("check", file.toString(), "--format", "json"));
    assertThat(resize.get("to_instance").asText()).isEqualTo("db.t3.large");
    assertThat(resize.get("to").asLong()).isEqualTo(901);
    assertThat(resize.get("upper_bound").asBoolean()).isTrue();
  }

  @Test
  void theResizeIsJudgedAtTheMomentTheFileSays(@TempDir Path dir) throws IOException {
    // One at a time: steady 4 × 10 + 4 × 10 = 80, each rollout adds ceil(4 × 25 %) + floor(4 × 25
    // %)
    // = 2 instances × 10, so the peak is 100 (all at once it would be 6 × 10 × 2 = 120).
    // db.t3.micro
    // (112, budget 95) does not hold 100; db.t3.small (225, budget 191) does, at 100.
    Path file =
        write(
            dir,
            "database:\n  provider: aws-rds\n  instance: db.t3.micro\n"
                + "  rollouts: one-at-a-time\napps:\n"
                + "  - name: web\n    replicas: 4\n    connection_limit: 10\n    rollout: {}\n"
                + "  - name: api\n    replicas: 4\n    connection_limit: 10\n    rollout: {}\n");

    JsonNode resize = suggestion(Cli.run("check", file.toString(), "--format", "json"));

    assertThat(resize.get("to_instance").asText()).isEqualTo("db.t3.small");
    assertThat(resize.get("total_connections").asLong()).isEqualTo(100);
  }

  @Test
  void aSizeThatFitsOnlyNearItsCeilingIsPassedOver(@TempDir Path dir) throws IOException {
    // headroom 1: 85 × 10 = 850. db.t3.large (901) holds it by the arithmetic, but at 90 % of
    // 901 = 810 ordinary roles get 810 − 3 − 2 = 805 < 850: near its ceiling. db.t3.xlarge:
    // floor(16 GiB / 9531392) = 1802.
    Path file =
        write(
            dir,
            "database:\n  provider: aws-rds\n  instance: db.t3.medium\n  headroom: 1\napps:\n"
                + "  - name: web\n    replicas: 85\n    connection_limit: 10\n");

    JsonNode resize = suggestion(Cli.run("check", file.toString(), "--format", "json"));

    assertThat(resize.get("to_instance").asText()).isEqualTo("db.t3.xlarge");
    assertThat(resize.get("to").asLong()).isEqualTo(1802);
  }

  @Test
  void noResizeWhenTheFileWritesMaxConnections(@TempDir Path dir) throws IOException {
    Path file =
        write(
            dir,
            "database:\n  provider: aws-rds\n  instance: db.t3.medium\n  max_connections: 450\n"
                + APPS);

    Cli.Result check = Cli.run("check", file.toString());

    assertThat(check.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(check.out()).doesNotContain("move aws-rds").contains("raise max_connections");
  }

  @Test
  void noResizeWhenEvenTheLargestSizeIsTooSmall(@TempDir Path dir) throws IOException {
    // db.t3.2xlarge, the family's largest: floor(32 GiB / 9531392) = 3604, budget 3063 < 4000.
    Path file =
        write(
            dir,
            "database:\n  provider: aws-rds\n  instance: db.t3.small\napps:\n"
                + "  - name: web\n    replicas: 200\n    connection_limit: 20\n");

    Cli.Result check = Cli.run("check", file.toString());

    assertThat(check.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(check.out()).doesNotContain("move aws-rds");
  }

  private static JsonNode suggestion(Cli.Result check) throws IOException {
    for (JsonNode s :
        new ObjectMapper().readTree(check.out()).get("files").get(0).get("suggestions")) {
      if (s.get("change").asText().equals("resize_instance")) {
        return s;
      }
    }
    throw new AssertionError("no resize in " + check.out());
  }

  private static Path write(Path dir, String text) throws IOException {
    Path file = dir.resolve("deployment.yaml");
    Files.writeString(file, text);
    return file;
  }
}
