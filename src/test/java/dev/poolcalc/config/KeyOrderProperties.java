package dev.poolcalc.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Sizing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The order keys are written in never changes the plan: YAML mappings are unordered. */
class KeyOrderProperties {

  private static final List<String> DATABASE =
      List.of(
          "max_connections: 240",
          "reserve: \"12.5%\"",
          "headroom: 0.9",
          "superuser_reserved_connections: 5",
          "reserved_connections: 2",
          "name: orders");
  private static final List<List<String>> APPS =
      List.of(
          List.of("name: api", "replicas: {max: 6, min: 2}", "processes: 2", "weight: 3"),
          List.of("name: worker", "replicas: 3", "weight: 1.5", "pool_timeout: 30"),
          List.of("name: cron", "replicas: 1", "connection_limit: 4", "connect_timeout: 10"));

  @Property(tries = 200)
  void shuffledKeysGiveTheSamePlan(@ForAll long seed) throws InvalidInputException {
    Plan expected = plan(new Random(0), false);
    Plan shuffled = plan(new Random(seed), true);

    assertThat(shuffled.apps()).isEqualTo(expected.apps());
    assertThat(shuffled.budget()).isEqualTo(expected.budget());
    assertThat(shuffled.totalConnections()).isEqualTo(expected.totalConnections());
    assertThat(shuffled.status()).isEqualTo(expected.status());
  }

  private static Plan plan(Random random, boolean shuffle) throws InvalidInputException {
    List<String> top = new ArrayList<>();
    top.add("database:\n" + block(DATABASE, "  ", random, shuffle));
    StringBuilder apps = new StringBuilder("apps:\n");
    for (List<String> app : APPS) {
      String block = block(app, "    ", random, shuffle);
      apps.append("  - ").append(block.substring(4));
    }
    top.add(apps.toString());
    top.add("version: 1\n");
    if (shuffle) {
      Collections.shuffle(top, random);
    }
    return Sizing.plan(DeploymentReader.parse("k.yaml", String.join("", top)).deployment());
  }

  private static String block(List<String> lines, String indent, Random random, boolean shuffle) {
    List<String> copy = new ArrayList<>(lines);
    if (shuffle) {
      Collections.shuffle(copy, random);
    }
    StringBuilder out = new StringBuilder();
    for (String line : copy) {
      out.append(indent).append(line).append('\n');
    }
    return out.toString();
  }
}
