package dev.poolcalc.config.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI story of examples/kubernetes: a pull request changes only the rendered chart, and {@code
 * poolcalc check} reads it as {@code plan} does, so raising the HPA's maxReplicas past what the
 * server holds fails the job.
 */
class ManifestCheckTest {

  private static final Path EXAMPLE = Path.of("examples/kubernetes");

  @Test
  void theExampleAsCommittedPasses(@TempDir Path dir) throws IOException {
    Path deployment = copyWithMaxReplicas(dir, 6);

    ManifestCli.Result check = ManifestCli.run("check", deployment.toString());

    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    // shop-api: 6 + ceil(6 × 50%) = 9 pods × 10 + mailer 6 × 2 = 102 fixed; (170 − 102) / 14 = 4
    assertThat(
            ManifestCli.plan(deployment.toString()).app("worker").get("connection_limit").asLong())
        .isEqualTo(4);
  }

  @Test
  void aHigherMaxReplicasThatStillFitsShrinksTheOtherPools(@TempDir Path dir) throws IOException {
    Path deployment = copyWithMaxReplicas(dir, 8);

    ManifestCli.Result check = ManifestCli.run("check", deployment.toString());
    ManifestCli.Result plan = ManifestCli.plan(deployment.toString());

    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    // 8 + ceil(8 × 50%) = 12 pods × 10 = 120, + 12 = 132 fixed; floor((170 − 132) / 14) = 2
    assertThat(plan.app("shop-api").get("replicas").asLong()).isEqualTo(12);
    assertThat(plan.app("worker").get("connection_limit").asLong()).isEqualTo(2);
    assertThat(plan.json().get("total_connections").asLong()).isEqualTo(120 + 12 + 14 * 2);
  }

  @Test
  void raisingMaxReplicasPastTheServerFailsTheCheck(@TempDir Path dir) throws IOException {
    Path deployment = copyWithMaxReplicas(dir, 10);

    ManifestCli.Result check = ManifestCli.run("check", deployment.toString());

    // 10 + ceil(10 × 50%) = 15 pods × 10 = 150, + 12 = 162 fixed: 8 left for 14 instances
    assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(1);
    assertThat(check.out()).contains("FAIL").contains("[limit-below-one]");
    assertThat(check.out()).contains("budget 170 − fixed 162");
  }

  /** The example folder, with the HPA's maxReplicas (6 as committed) set to {@code max}. */
  private static Path copyWithMaxReplicas(Path dir, int max) throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLE)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Path rendered = dir.resolve("rendered.yaml");
    String text = Files.readString(rendered);
    assertThat(text).containsOnlyOnce("maxReplicas: 6\n");
    Files.writeString(rendered, text.replace("maxReplicas: 6\n", "maxReplicas: " + max + "\n"));
    return dir.resolve("deployment.yaml");
  }
}
