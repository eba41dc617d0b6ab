package dev.poolcalc.config.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcalc.config.DeploymentFile;
import dev.poolcalc.config.DeploymentReader;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.config.ValueSource;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plans of deployment files whose counts come from real-looking manifests, through the CLI. Every
 * expected number is worked out by hand in the comment beside it from the manifest's text and
 * Kubernetes', Compose's or PM2's documented defaults.
 */
class ManifestPlanTest {

  private static final String DIR = "src/test/resources/manifests/";

  @Test
  void helmStreamGivesTheHpaRangeAndTheDeploymentsStrategy() {
    ManifestCli.Result result = ManifestCli.plan(DIR + "helm-shop.yaml");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode plan = result.json();
    // budget = min(200 − 20, floor(200 × 0.85)) = 170
    assertThat(plan.get("budget").asLong()).isEqualTo(170);
    JsonNode web = result.app("shop-web");
    // HPA 2..8 (spec.replicas absent is ignored under an HPA); maxSurge 1, maxUnavailable
    // floor(8 × 10%) = 0: peak 8 + 1 + 0 = 9.
    assertThat(web.get("steady_replicas").asLong()).isEqualTo(8);
    assertThat(web.get("min_replicas").asLong()).isEqualTo(2);
    assertThat(web.get("replicas").asLong()).isEqualTo(9);
    assertThat(web.get("rollout").get("max_unavailable").asText()).isEqualTo("10%");
    JsonNode worker = result.app("worker");
    // spec.replicas 3, no strategy: RollingUpdate 25 %/25 %: ceil(0.75) = 1, floor(0.75) = 0 → 4.
    assertThat(worker.get("steady_replicas").asLong()).isEqualTo(3);
    assertThat(worker.get("replicas").asLong()).isEqualTo(4);
    // 13 instances: floor(170 / 13) = 13 each, 169 in all.
    assertThat(web.get("connection_limit").asLong()).isEqualTo(13);
    assertThat(worker.get("connection_limit").asLong()).isEqualTo(13);
    assertThat(plan.get("total_connections").asLong()).isEqualTo(169);
    assertThat(plan.get("status").asText()).isEqualTo("ok");
  }

  @Test
  void jsonAndExplainShowWhereEachValueWasRead() {
    ManifestCli.Result plan = ManifestCli.plan(DIR + "helm-shop.yaml");

    // helm/shop.yaml line 97 is the HPA's "  maxReplicas: 8"; the value starts in column 16.
    JsonNode max = plan.app("shop-web").get("sources").get("replicas.max");
    assertThat(max.get("file").asText()).isEqualTo(DIR + "helm/shop.yaml");
    assertThat(max.get("line").asInt()).isEqualTo(97);
    assertThat(max.get("column").asInt()).isEqualTo(16);
    assertThat(max.get("field").asText())
        .isEqualTo("HorizontalPodAutoscaler/shop-web spec.maxReplicas");
    assertThat(plan.app("worker").get("sources").get("replicas").get("line").asInt()).isEqualTo(72);

    ManifestCli.Result explain = ManifestCli.run("explain", DIR + "helm-shop.yaml");
    assertThat(explain.out().replaceAll("\\s+", " "))
        .contains(
            "Read from shop-web's manifests: replicas.max at "
                + DIR
                + "helm/shop.yaml:97:16 (HorizontalPodAutoscaler/shop-web spec.maxReplicas)");
  }

  @Test
  void everyValueReadKeepsItsManifestLine() throws InvalidInputException {
    DeploymentFile file =
        DeploymentReader.read(DIR + "helm-shop.yaml", InputStream.nullInputStream(), Map.of());

    Map<String, ValueSource> web = file.sources("shop-web");
    assertThat(web.get("replicas.max").location().toString())
        .isEqualTo(DIR + "helm/shop.yaml:97:16");
    assertThat(web.get("replicas.max").field())
        .isEqualTo("HorizontalPodAutoscaler/shop-web spec.maxReplicas");
    assertThat(web.get("replicas.min").location().line()).isEqualTo(96);
    assertThat(web.get("rollout.max_surge").location().line()).isEqualTo(43);
    assertThat(web.get("rollout.max_unavailable").location().line()).isEqualTo(44);
    Map<String, ValueSource> worker = file.sources("worker");
    assertThat(worker.get("replicas").location().line()).isEqualTo(72);
    assertThat(worker.get("rollout.max_surge").field()).contains("absent: default 25%");
    assertThat(worker.get("rollout.max_surge").location().line()).isEqualTo(70);
  }

  @Test
  void statefulSetNeverRunsMoreThanItsReplicas() {
    ManifestCli.Result result = ManifestCli.plan(DIR + "statefulset-deployment.yaml");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode ledger = result.app("ledger");
    // 3 replicas, replaced one at a time: peak 3; × 2 processes (written in the file) = 6.
    assertThat(ledger.get("replicas").asLong()).isEqualTo(3);
    assertThat(ledger.get("rollout").get("strategy").asText()).isEqualTo("recreate");
    assertThat(ledger.get("instances").asLong()).isEqualTo(6);
    // 6 + 2 (web) = 8 instances; budget min(100 − 15, 85) = 85; floor(85 / 8) = 10; 80 in all.
    assertThat(ledger.get("connection_limit").asLong()).isEqualTo(10);
    assertThat(result.json().get("total_connections").asLong()).isEqualTo(80);
  }

  @Test
  void kedaScaledObjectsUseKedasDefaults() {
    ManifestCli.Result result = ManifestCli.plan(DIR + "keda-deployment.yaml");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode queue = result.app("queue-worker");
    // minReplicaCount absent → 0, maxReplicaCount 12; strategy Recreate → peak 12.
    assertThat(queue.get("min_replicas").asLong()).isZero();
    assertThat(queue.get("replicas").asLong()).isEqualTo(12);
    JsonNode mailer = result.app("mailer");
    // Both counts absent → 0..100; default RollingUpdate: 100 + ceil(25) + floor(25) = 150.
    assertThat(mailer.get("steady_replicas").asLong()).isEqualTo(100);
    assertThat(mailer.get("replicas").asLong()).isEqualTo(150);
    // 162 instances; budget floor(1000 × 0.85) = 850; floor(850 / 162) = 5; 810 in all.
    assertThat(mailer.get("connection_limit").asLong()).isEqualTo(5);
    assertThat(result.json().get("total_connections").asLong()).isEqualTo(810);
  }

  @Test
  void composeReadsDeployReplicasScaleAndUpdateOrder() {
    ManifestCli.Result result = ManifestCli.plan(DIR + "compose-deployment.yaml");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode api = result.app("api");
    // deploy.replicas 4, start-first 2 at a time: peak 4 + 2 = 6.
    assertThat(api.get("steady_replicas").asLong()).isEqualTo(4);
    assertThat(api.get("replicas").asLong()).isEqualTo(6);
    JsonNode jobs = result.app("jobs");
    // service: worker, scale 2, stop-first by default: peak 2.
    assertThat(jobs.get("replicas").asLong()).isEqualTo(2);
    // 8 instances; floor(85 / 8) = 10; 80 in all.
    assertThat(api.get("connection_limit").asLong()).isEqualTo(10);
    assertThat(result.json().get("total_connections").asLong()).isEqualTo(80);
  }

  @Test
  void pm2ClusterModeGivesProcessesPerHost() {
    ManifestCli.Result result = ManifestCli.plan(DIR + "pm2-deployment.yaml");

    assertThat(result.exitCode()).as(result.err()).isZero();
    // api: instances 4 on each of 3 hosts (replicas written in the file) = 12.
    JsonNode api = result.app("api");
    assertThat(api.get("processes").asLong()).isEqualTo(4);
    assertThat(api.get("instances").asLong()).isEqualTo(12);
    // scheduler: instances "max" with cpus: 8 → 8 processes on 1 host.
    JsonNode scheduler = result.app("scheduler");
    assertThat(scheduler.get("processes").asLong()).isEqualTo(8);
    assertThat(scheduler.get("instances").asLong()).isEqualTo(8);
    // mailer: no name, found by its script dist/workers/mailer.js; no instances → 1; 2 hosts.
    assertThat(result.app("mailer").get("instances").asLong()).isEqualTo(2);
    // 22 instances; budget min(100 − 10, 85) = 85; floor(85 / 22) = 3; 66 in all.
    assertThat(api.get("connection_limit").asLong()).isEqualTo(3);
    assertThat(result.json().get("total_connections").asLong()).isEqualTo(66);
  }
}
