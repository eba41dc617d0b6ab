package dev.poolcalc.config.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.config.DeploymentReader;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.engine.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PM2's and Compose's ways of writing a count, each read like the count written in the deployment
 * file. The expected counts follow PM2's God.prepare (0 and "max": one per CPU; -n: CPUs − n, at
 * least 1) and the Compose Specification (deploy.replicas, scale, default 1).
 */
class Pm2AndComposeCountsTest {

  private static final String HEAD = "database:\n  max_connections: 500\napps:\n  - name: api\n";

  @ParameterizedTest(name = "instances {0} with cpus {1} → {2} processes")
  @CsvSource(
      nullValues = "none",
      value = {
        "none, none, 1",
        "1, none, 1",
        "4, none, 4",
        "'\"6\"', none, 6",
        "max, 8, 8",
        "0, 8, 8",
        "-1, 8, 7",
        "-3, 8, 5",
        "-4, 2, 1",
      })
  void pm2InstancesAreProcesses(String instances, String cpus, long processes, @TempDir Path dir)
      throws IOException, InvalidInputException {
    String app =
        "{\"name\": \"api\", \"script\": \"server.js\""
            + (instances == null ? "" : ", \"instances\": " + json(instances))
            + "}";
    Files.writeString(dir.resolve("ecosystem.json"), "{\"apps\": [" + app + "]}\n");

    Deployment fromFile =
        read(
            dir,
            HEAD
                + "    from: ecosystem.json\n    replicas: 3\n"
                + (cpus == null ? "" : "    cpus: " + cpus + "\n"));
    Deployment written = read(dir, HEAD + "    replicas: 3\n    processes: " + processes + "\n");

    assertThat(fromFile).isEqualTo(written);
  }

  @ParameterizedTest(name = "{0} → {1} replicas")
  @CsvSource(
      delimiter = '|',
      value = {
        "image: x | 1",
        "deploy: {replicas: 5} | 5",
        "scale: 3 | 3",
        "{scale: 2, deploy: {replicas: 2}} | 2",
      })
  void composeCountsAreReplicas(String service, long replicas, @TempDir Path dir)
      throws IOException, InvalidInputException {
    String body = service.startsWith("{") ? service : "{" + service + "}";
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  api: " + body + "\n");

    Deployment fromFile = read(dir, HEAD + "    from: compose.yaml\n");
    Deployment written =
        read(dir, HEAD + "    replicas: " + replicas + "\n    rollout: {strategy: recreate}\n");

    assertThat(fromFile).isEqualTo(written);
  }

  private static String json(String instances) {
    return instances.equals("max") ? "\"max\"" : instances;
  }

  private static Deployment read(Path dir, String text) throws InvalidInputException {
    return DeploymentReader.parse(dir.resolve("d.yaml").toString(), text).deployment();
  }
}
