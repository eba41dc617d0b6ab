package dev.poolcalc.config.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a manifest can fail to give an app its counts is refused like a mistake in the
 * deployment file: exit 2, no stack trace, and {@code file:line:col} of the place to change, in the
 * manifest when the manifest is wrong and in the deployment file when the app points wrong.
 */
class ManifestErrorTest {

  private static final String HEAD = "database:\n  max_connections: 100\napps:\n";

  private static final String DEPLOYMENT =
      "apiVersion: apps/v1\n" // 1
          + "kind: Deployment\n" // 2
          + "metadata:\n" // 3
          + "  name: shop-web\n" // 4
          + "spec:\n" // 5
          + "  replicas: 2\n"; // 6

  /** One case: files by name (d.yaml is the deployment file) and the one line expected. */
  record Case(String name, Map<String, String> files, String file, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        bad(
            "missing manifest",
            HEAD + "  - name: web\n    from: k8s/nope.yaml\n",
            Map.of(),
            "d.yaml",
            ":5:11: error: apps[0].from: @/k8s/nope.yaml: no such file"),
        bad(
            "no workload of that name",
            HEAD + "  - name: shop-wbe\n    from: m.yaml\n",
            Map.of("m.yaml", DEPLOYMENT),
            "d.yaml",
            ":5:11: error: apps[0].from: @/m.yaml has no Deployment or StatefulSet named"
                + " \"shop-wbe\"; did you mean 'shop-web'? (add workload: Deployment/shop-web to"
                + " the app)"),
        bad(
            "workload names one that is not there",
            HEAD + "  - name: web\n    from: m.yaml\n    workload: StatefulSet/shop-web\n",
            Map.of("m.yaml", DEPLOYMENT),
            "d.yaml",
            ":6:15: error: apps[0].workload: @/m.yaml has no StatefulSet named \"shop-web\" (it"
                + " holds none)"),
        bad(
            "two workloads of that name",
            HEAD + "  - name: shop-web\n    from: m.yaml\n",
            Map.of(
                "m.yaml",
                DEPLOYMENT
                    + "---\n" // 7
                    + "apiVersion: apps/v1\n" // 8
                    + "kind: StatefulSet\n" // 9
                    + "metadata:\n" // 10
                    + "  name: shop-web\n"), // 11
            "m.yaml",
            ":11:9: error: StatefulSet/shop-web is a second Deployment or StatefulSet named"
                + " \"shop-web\" for apps[0] (the first, Deployment/shop-web, is at line 4); pick"
                + " one with workload: StatefulSet/shop-web on apps[0]"),
        bad(
            "hpa names a workload that is not there",
            HEAD + "  - name: shop-web\n    from: m.yaml\n",
            Map.of(
                "m.yaml",
                DEPLOYMENT
                    + "---\n" // 7
                    + "apiVersion: autoscaling/v2\n" // 8
                    + "kind: HorizontalPodAutoscaler\n" // 9
                    + "metadata:\n" // 10
                    + "  name: shop-web\n" // 11
                    + "spec:\n" // 12
                    + "  scaleTargetRef:\n" // 13
                    + "    kind: Deployment\n" // 14
                    + "    name: shop-wbe\n" // 15
                    + "  maxReplicas: 5\n"),
            "m.yaml",
            ":15:11: error: HorizontalPodAutoscaler/shop-web scales Deployment/shop-wbe, which is"
                + " not in this file; did you mean 'shop-web'?"),
        bad(
            "maxReplicas below minReplicas",
            HEAD + "  - name: shop-web\n    from: m.yaml\n",
            Map.of(
                "m.yaml",
                DEPLOYMENT
                    + "---\n" // 7
                    + "apiVersion: autoscaling/v1\n" // 8
                    + "kind: HorizontalPodAutoscaler\n" // 9
                    + "metadata:\n" // 10
                    + "  name: web-hpa\n" // 11
                    + "spec:\n" // 12
                    + "  scaleTargetRef: {kind: Deployment, name: shop-web}\n" // 13
                    + "  minReplicas: 6\n" // 14
                    + "  maxReplicas: 4\n"), // 15
            "m.yaml",
            ":15:16: error: HorizontalPodAutoscaler/web-hpa: spec.maxReplicas (4) is below"
                + " spec.minReplicas (6); Kubernetes refuses it"),
        bad(
            "keda maxReplicaCount below minReplicaCount",
            HEAD + "  - name: shop-web\n    from: m.yaml\n",
            Map.of(
                "m.yaml",
                DEPLOYMENT
                    + "---\n" // 7
                    + "apiVersion: keda.sh/v1alpha1\n" // 8
                    + "kind: ScaledObject\n" // 9
                    + "metadata: {name: web}\n" // 10
                    + "spec:\n" // 11
                    + "  scaleTargetRef: {name: shop-web}\n" // 12
                    + "  minReplicaCount: 3\n" // 13
                    + "  maxReplicaCount: 2\n"), // 14
            "m.yaml",
            ":14:20: error: ScaledObject/web: spec.maxReplicaCount (2) is below"
                + " spec.minReplicaCount (3)"),
        bad(
            "pm2 instances max without cpus",
            HEAD + "  - name: api\n    from: ecosystem.json\n",
            Map.of(
                "ecosystem.json",
                "{\n" // 1
                    + "  \"apps\": [\n" // 2
                    + "    {\"name\": \"api\", \"script\": \"server.js\",\n" // 3
                    + "     \"instances\": \"max\", \"exec_mode\": \"cluster\"}\n" // 4
                    + "  ]\n}\n"),
            "ecosystem.json",
            ":4:19: error: apps[0].instances max starts one process per CPU; set cpus: on apps[0]"
                + " in the deployment file"),
        bad(
            "pm2 instances -1 without cpus",
            HEAD + "  - name: api\n    from: ecosystem.yaml\n",
            Map.of("ecosystem.yaml", "apps:\n  - name: api\n    instances: -1\n"),
            "ecosystem.yaml",
            ":3:16: error: apps[0].instances -1 starts one process per CPU, less 1"),
        bad(
            "replicas written beside from",
            HEAD + "  - name: shop-web\n    from: m.yaml\n    replicas: 3\n",
            Map.of("m.yaml", DEPLOYMENT),
            "d.yaml",
            ":6:15: error: apps[0].replicas is also read from @/m.yaml (from:), which would make it"
                + " ambiguous"),
        bad(
            "rollout written beside a compose from",
            HEAD + "  - name: api\n    from: c.yaml\n    rollout: {strategy: recreate}\n",
            Map.of("c.yaml", "services:\n  api:\n    image: x\n"),
            "d.yaml",
            ":6:14: error: apps[0].rollout is also read from @/c.yaml (from:)"),
        bad(
            "processes written beside a pm2 from",
            HEAD + "  - name: api\n    from: e.yaml\n    processes: 2\n",
            Map.of("e.yaml", "apps:\n  - name: api\n    instances: 4\n"),
            "d.yaml",
            ":6:16: error: apps[0].processes is also read from @/e.yaml (from:)"),
        bad(
            "cpus where pm2 does not count cpus",
            HEAD + "  - name: api\n    from: e.yaml\n    cpus: 4\n",
            Map.of("e.yaml", "apps:\n  - name: api\n    instances: 4\n"),
            "d.yaml",
            ":6:11: error: apps[0].cpus is not used: @/e.yaml apps[0].instances is 4, not max, 0 or"
                + " -1; remove cpus"),
        bad(
            "cpus with a kubernetes manifest",
            HEAD + "  - name: shop-web\n    from: m.yaml\n    cpus: 4\n",
            Map.of("m.yaml", DEPLOYMENT),
            "d.yaml",
            ":6:11: error: apps[0].cpus is only used with a PM2 ecosystem file"),
        bad(
            "workload without from",
            HEAD + "  - name: web\n    replicas: 2\n    workload: Deployment/web\n",
            Map.of(),
            "d.yaml",
            ":6:15: error: apps[0].workload picks from the manifest named by from:"),
        bad(
            "service on a kubernetes manifest",
            HEAD + "  - name: shop-web\n    from: m.yaml\n    service: web\n",
            Map.of("m.yaml", DEPLOYMENT),
            "d.yaml",
            ":6:14: error: apps[0].service picks a Compose service, but @/m.yaml is a Kubernetes"
                + " manifest; name the workload with workload:"),
        bad(
            "workload kind kubernetes does not scale this way",
            HEAD + "  - name: web\n    from: m.yaml\n    workload: DaemonSet/shop-web\n",
            Map.of("m.yaml", DEPLOYMENT),
            "d.yaml",
            ":6:15: error: apps[0].workload must be Deployment/NAME or StatefulSet/NAME"),
        bad(
            "a string that is not a percentage",
            HEAD + "  - name: shop-web\n    from: m.yaml\n",
            Map.of(
                "m.yaml",
                DEPLOYMENT
                    + "  strategy:\n" // 7
                    + "    rollingUpdate:\n" // 8
                    + "      maxSurge: \"2\"\n"), // 9
            "m.yaml",
            ":9:17: error: Deployment/shop-web spec.strategy.rollingUpdate.maxSurge must be a whole"
                + " number or a percentage such as \"25%\" (got \"2\"); Kubernetes reads a string"
                + " only as a percentage"),
        bad(
            "a fractional percentage",
            HEAD + "  - name: shop-web\n    from: m.yaml\n",
            Map.of(
                "m.yaml",
                DEPLOYMENT + "  strategy:\n    rollingUpdate:\n      maxUnavailable: 12.5%\n"),
            "m.yaml",
            ":9:23: error: Deployment/shop-web spec.strategy.rollingUpdate.maxUnavailable must be a"
                + " whole number or a percentage"),
        bad(
            "maxUnavailable above 100%",
            HEAD + "  - name: shop-web\n    from: m.yaml\n",
            Map.of(
                "m.yaml",
                DEPLOYMENT + "  strategy:\n    rollingUpdate:\n      maxUnavailable: 120%\n"),
            "m.yaml",
            ":9:23: error: Deployment/shop-web spec.strategy.rollingUpdate.maxUnavailable must not"
                + " be above 100% (got 120%)"),
        bad(
            "both steps zero",
            HEAD + "  - name: shop-web\n    from: m.yaml\n",
            Map.of(
                "m.yaml",
                DEPLOYMENT
                    + "  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0\n"),
            "m.yaml",
            ":9:7: error: Deployment/shop-web spec.strategy.rollingUpdate: maxSurge and"
                + " maxUnavailable cannot both be 0"),
        bad(
            "recreate with rolling steps",
            HEAD + "  - name: shop-web\n    from: m.yaml\n",
            Map.of(
                "m.yaml",
                DEPLOYMENT + "  strategy:\n    type: Recreate\n    rollingUpdate: {maxSurge: 1}\n"),
            "m.yaml",
            ":9:5: error: Deployment/shop-web spec.strategy.rollingUpdate may not be set when type"
                + " is Recreate"),
        bad(
            "replicas zero",
            HEAD + "  - name: shop-web\n    from: m.yaml\n",
            Map.of("m.yaml", DEPLOYMENT.replace("replicas: 2", "replicas: 0")),
            "m.yaml",
            ":6:13: error: Deployment/shop-web spec.replicas is 0: it runs no pods"),
        bad(
            "compose service that is not there",
            HEAD + "  - name: web\n    from: c.yaml\n    service: wroker\n",
            Map.of("c.yaml", "services:\n  worker:\n    image: x\n"),
            "d.yaml",
            ":6:14: error: apps[0].service: @/c.yaml has no service named \"wroker\"; did you mean"
                + " 'worker'?"),
        bad(
            "compose scale and replicas disagree",
            HEAD + "  - name: api\n    from: c.yaml\n",
            Map.of("c.yaml", "services:\n  api:\n    scale: 3\n    deploy:\n      replicas: 2\n"),
            "c.yaml",
            ":3:12: error: services.api.scale (3) and deploy.replicas (2) disagree"),
        bad(
            "compose global mode",
            HEAD + "  - name: api\n    from: c.yaml\n",
            Map.of("c.yaml", "services:\n  api:\n    deploy:\n      mode: global\n"),
            "c.yaml",
            ":4:13: error: services.api.deploy.mode global runs one container per node"),
        bad(
            "javascript ecosystem",
            HEAD + "  - name: api\n    from: ecosystem.config.js\n",
            Map.of("ecosystem.config.js", "module.exports = {apps: []}\n"),
            "d.yaml",
            ":5:11: error: apps[0].from: @/ecosystem.config.js is JavaScript, which poolcalc does"
                + " not run"),
        bad(
            "manifest that is not YAML",
            HEAD + "  - name: api\n    from: m.yaml\n",
            Map.of("m.yaml", "kind: Deployment\nmetadata: [1, 2\n"),
            "m.yaml",
            ":2:11: error: this '[' is not closed before line 3"),
        bad(
            "manifest of no known kind",
            HEAD + "  - name: api\n    from: m.yaml\n",
            Map.of("m.yaml", "hello: world\n"),
            "m.yaml",
            ":1:1: error: from: @/m.yaml is neither Kubernetes objects"));
  }

  private static Arguments bad(
      String name, String deployment, Map<String, String> others, String file, String expected) {
    Map<String, String> files = new LinkedHashMap<>(others);
    files.put("d.yaml", deployment);
    return Arguments.of(new Case(name, files, file, expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedAtTheLineToChange(Case c, @TempDir Path dir) throws IOException {
    for (Map.Entry<String, String> f : c.files().entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }

    ManifestCli.Result result = ManifestCli.plan(dir.resolve("d.yaml").toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err())
        .as("stderr")
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .contains(dir.resolve(c.file()) + c.expected().replace("@", dir.toString()));
    assertThat(result.out()).isEmpty();
  }
}
