package dev.poolcalc.config.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code poolcalc import}: a draft that plans as it is once the server's size is filled in. */
class ImportTest {

  private static final Path RENDERED = Path.of("examples/kubernetes/rendered.yaml");
  private static final Path MANIFESTS = Path.of("src/test/resources/manifests");

  @Test
  void theDraftPlansOnceMaxConnectionsIsFilledIn(@TempDir Path dir) throws IOException {
    Files.copy(RENDERED, dir.resolve("rendered.yaml"));
    String rendered = dir.resolve("rendered.yaml").toString();

    ManifestCli.Result draft = ManifestCli.run("import", rendered, "--dir", dir.toString());

    assertThat(draft.exitCode()).as(draft.err()).isZero();
    assertThat(draft.err()).isEmpty();
    assertThat(draft.out()).contains(ManifestImport.MAX_CONNECTIONS_PLACEHOLDER + "\n");
    Path deployment = dir.resolve("deployment.yaml");
    Files.writeString(
        deployment,
        draft.out().replace(ManifestImport.MAX_CONNECTIONS_PLACEHOLDER, "  max_connections: 200"));

    ManifestCli.Result plan = ManifestCli.plan(deployment.toString());

    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(names(plan.json()))
        .containsExactly("shop-api", "shop-worker", "search-indexer", "mailer");
    // Peaks by hand: HPA max 6 + ceil(6 × 50%) = 9; Recreate 3; StatefulSet 2; KEDA max 4 with
    // the default 25 % steps: 4 + 1 + 1 = 6. 20 instances share floor(200 × 0.85) = 170: 8 each.
    assertThat(plan.app("shop-api").get("replicas").asLong()).isEqualTo(9);
    assertThat(plan.app("shop-worker").get("replicas").asLong()).isEqualTo(3);
    assertThat(plan.app("search-indexer").get("replicas").asLong()).isEqualTo(2);
    assertThat(plan.app("mailer").get("replicas").asLong()).isEqualTo(6);
    assertThat(plan.app("mailer").get("connection_limit").asLong()).isEqualTo(8);
    assertThat(plan.json().get("total_connections").asLong()).isEqualTo(160);
    assertThat(plan.app("shop-api").get("sources").get("replicas.max").get("file").asText())
        .isEqualTo(dir.resolve("rendered.yaml").toString());
  }

  @Test
  void theDraftAsPrintedAsksForMaxConnections(@TempDir Path dir) throws IOException {
    Files.copy(RENDERED, dir.resolve("rendered.yaml"));
    ManifestCli.Result draft =
        ManifestCli.run("import", dir.resolve("rendered.yaml").toString(), "--dir", dir.toString());
    Path deployment = dir.resolve("deployment.yaml");
    Files.writeString(deployment, draft.out());

    ManifestCli.Result plan = ManifestCli.plan(deployment.toString());

    assertThat(plan.exitCode()).isEqualTo(2);
    assertThat(plan.err()).contains("max_connections");
  }

  @Test
  void fromPathsAreRelativeToTheFolderGiven(@TempDir Path dir) throws IOException {
    Path deploy = Files.createDirectories(dir.resolve("deploy"));
    Path k8s = Files.createDirectories(dir.resolve("k8s"));
    Files.copy(RENDERED, k8s.resolve("rendered.yaml"));

    ManifestCli.Result draft =
        ManifestCli.run(
            "import", k8s.resolve("rendered.yaml").toString(), "--dir", deploy.toString());

    assertThat(draft.out()).contains("    from: ../k8s/rendered.yaml\n");
  }

  @Test
  void clashingNamesGetASuffixAndPickTheirWorkload(@TempDir Path dir) throws IOException {
    Files.copy(MANIFESTS.resolve("compose.yaml"), dir.resolve("compose.yaml"));
    Files.copy(MANIFESTS.resolve("ecosystem.json"), dir.resolve("ecosystem.json"));
    Files.writeString(
        dir.resolve("k8s.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec: {replicas: 3}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: api}
        spec: {replicas: 2}
        """);

    ManifestCli.Result draft =
        ManifestCli.run(
            "import",
            dir.resolve("compose.yaml").toString(),
            dir.resolve("ecosystem.json").toString(),
            dir.resolve("k8s.yaml").toString(),
            "--dir",
            dir.toString());

    assertThat(draft.exitCode()).as(draft.err()).isZero();
    assertThat(draft.out())
        .contains("  - name: api-2  # PM2 app api in ")
        .contains("    workload: api\n")
        .contains("  - name: api-3  # Deployment/api in ")
        .contains("    workload: Deployment/api\n")
        .contains("  - name: api-4  # StatefulSet/api in ")
        .contains("    workload: StatefulSet/api\n")
        .contains("    # cpus: FILL_IN\n");
    Path deployment = dir.resolve("deployment.yaml");
    Files.writeString(
        deployment,
        draft
            .out()
            .replace(ManifestImport.MAX_CONNECTIONS_PLACEHOLDER, "  max_connections: 500")
            .replace("    # cpus: FILL_IN", "    cpus: 8"));

    ManifestCli.Result plan = ManifestCli.plan(deployment.toString());

    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.app("worker").get("replicas").asLong()).isEqualTo(2); // scale: 2
    assertThat(plan.app("redis").get("replicas").asLong()).isEqualTo(1); // no count: 1
    assertThat(plan.app("api-2").get("processes").asLong()).isEqualTo(4); // instances: 4
    assertThat(plan.app("scheduler").get("processes").asLong()).isEqualTo(8); // max, 8 CPUs
    assertThat(plan.app("mailer").get("processes").asLong()).isEqualTo(1); // named by script
    assertThat(plan.app("api-3").get("replicas").asLong()).isEqualTo(3 + 1 + 0); // 25 %/25 %
    assertThat(plan.app("api-4").get("replicas").asLong()).isEqualTo(2);
  }

  @Test
  void aManifestKubernetesRefusesIsReportedAtItsLine(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          strategy:
            rollingUpdate:
              maxSurge: "a lot"
        """);

    ManifestCli.Result draft = ManifestCli.run("import", bad.toString(), "--dir", dir.toString());

    assertThat(draft.exitCode()).isEqualTo(2);
    assertThat(draft.out()).isEmpty();
    assertThat(draft.err())
        .startsWith(bad + ":8:17: error: Deployment/web spec.strategy.rollingUpdate.maxSurge")
        .doesNotContain("Exception");
  }

  @Test
  void anAutoscalerBelowItsMinimumIsReportedAtItsLine(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("hpa.yaml");
    Files.writeString(
        bad,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {kind: Deployment, name: web}
          minReplicas: 4
          maxReplicas: 2
        """);

    ManifestCli.Result draft = ManifestCli.run("import", bad.toString());

    assertThat(draft.exitCode()).isEqualTo(2);
    assertThat(draft.err())
        .isEqualTo(
            bad
                + ":11:16: error: HorizontalPodAutoscaler/web: spec.maxReplicas (2) is below"
                + " spec.minReplicas (4); Kubernetes refuses it\n");
  }

  @Test
  void missingEmptyAndWorkloadlessFilesAreRefused(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    Path empty = dir.resolve("empty.yaml");
    Files.writeString(empty, "");
    String missing = dir.resolve("missing.yaml").toString();

    ManifestCli.Result draft =
        ManifestCli.run("import", missing, empty.toString(), config.toString());

    assertThat(draft.exitCode()).isEqualTo(2);
    assertThat(draft.err())
        .isEqualTo(
            missing
                + ": error: no such file\n"
                + empty
                + ": error: is empty: it holds no workloads\n"
                + config
                + ": error: holds no Deployment or StatefulSet: nothing opens a pool\n");
  }

  @Test
  void helpShowsExamples() {
    ManifestCli.Result help = ManifestCli.run("import", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("poolcalc import rendered.yaml > deployment.yaml");
  }

  private static List<String> names(JsonNode plan) {
    List<String> names = new ArrayList<>();
    plan.get("apps").forEach(a -> names.add(a.get("name").asText()));
    return names;
  }
}
