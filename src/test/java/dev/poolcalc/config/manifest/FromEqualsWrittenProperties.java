package dev.poolcalc.config.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.config.DeploymentFile;
import dev.poolcalc.config.DeploymentReader;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.engine.Sizing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A deployment file whose app reads its counts from a Kubernetes manifest plans exactly like the
 * same file with those counts written out in poolcalc's own keys: the manifest is only another
 * place to keep them.
 */
class FromEqualsWrittenProperties {

  /** A step as Kubernetes writes it ({@code 2}, {@code "30%"}) and as poolcalc writes it. */
  record Step(String manifest, String written, boolean zero) {}

  /** One workload, its autoscaler, and the same counts in poolcalc's keys. */
  record Case(String manifest, String written) {}

  @Property(tries = 150)
  void fromPlansLikeTheValuesWrittenOut(
      @ForAll("cases") Case c, @ForAll("maxConnections") long maxConnections) throws IOException {
    Path dir = Files.createTempDirectory("from-property");
    try {
      Files.writeString(dir.resolve("m.yaml"), c.manifest());
      String head =
          "database:\n  max_connections: "
              + maxConnections
              + "\n  reserve: 10%\napps:\n  - name: other\n    replicas: 2\n    weight: 2\n";
      DeploymentFile fromManifest =
          read(dir, head + "  - name: api\n    weight: 3\n    processes: 2\n    from: m.yaml\n");
      DeploymentFile written =
          read(dir, head + "  - name: api\n    weight: 3\n    processes: 2\n" + c.written());

      assertThat(fromManifest.deployment()).isEqualTo(written.deployment());
      assertThat(Sizing.plan(fromManifest.deployment()))
          .isEqualTo(Sizing.plan(written.deployment()));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(FromEqualsWrittenProperties::delete);
      }
    }
  }

  private static DeploymentFile read(Path dir, String text) {
    try {
      return DeploymentReader.parse(dir.resolve("d.yaml").toString(), text);
    } catch (InvalidInputException e) {
      throw new AssertionError(e.problems() + "\n" + text, e);
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<Long> maxConnections() {
    return Arbitraries.longs().between(60, 3000);
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Optional<Integer>> replicas = Arbitraries.integers().between(1, 40).optional(0.8);
    Arbitrary<String> kind = Arbitraries.of("Deployment", "StatefulSet");
    Arbitrary<Optional<String>> strategy =
        Arbitraries.of("RollingUpdate", "Recreate").optional(0.7);
    Arbitrary<Optional<Step>> surge = step(false).optional(0.7);
    Arbitrary<Optional<Step>> unavailable = step(true).optional(0.7);
    Arbitrary<Optional<int[]>> scaler =
        Combinators.combine(
                Arbitraries.of("hpa", "keda"),
                Arbitraries.integers().between(0, 10).optional(0.7),
                Arbitraries.integers().between(0, 30).optional(0.8))
            .as(
                (type, min, extra) ->
                    new int[] {
                      type.equals("hpa") ? 0 : 1, min.orElse(-1), extra.orElse(-1),
                    })
            .optional(0.5);
    return Combinators.combine(replicas, kind, strategy, surge, unavailable, scaler)
        .as(FromEqualsWrittenProperties::build)
        .filter(Optional::isPresent)
        .map(Optional::get);
  }

  private static Arbitrary<Step> step(boolean capAt100) {
    Arbitrary<Step> count =
        Arbitraries.integers().between(0, 6).map(n -> new Step("" + n, "" + n, n == 0));
    Arbitrary<Step> percent =
        Arbitraries.integers()
            .between(0, capAt100 ? 100 : 250)
            .map(p -> new Step("\"" + p + "%\"", "\"" + p + "%\"", p == 0));
    return Arbitraries.oneOf(count, percent);
  }

  /** The manifest and the written keys for one combination, or empty when Kubernetes refuses it. */
  private static Optional<Case> build(
      Optional<Integer> replicas,
      String kind,
      Optional<String> strategy,
      Optional<Step> surge,
      Optional<Step> unavailable,
      Optional<int[]> scaler) {
    boolean deployment = kind.equals("Deployment");
    boolean recreate = strategy.map("Recreate"::equals).orElse(false);
    boolean hasSteps = surge.isPresent() || unavailable.isPresent();
    if (deployment && recreate && hasSteps) {
      return Optional.empty();
    }
    boolean surgeZero = surge.map(Step::zero).orElse(false);
    boolean unavailableZero = unavailable.map(Step::zero).orElse(false);
    if (deployment && !recreate && surgeZero && unavailableZero) {
      return Optional.empty();
    }
    StringBuilder m = new StringBuilder();
    m.append("apiVersion: apps/v1\nkind: ")
        .append(kind)
        .append("\nmetadata:\n  name: api\nspec:\n");
    replicas.ifPresent(r -> m.append("  replicas: ").append(r).append('\n'));
    if (deployment && (strategy.isPresent() || hasSteps)) {
      m.append("  strategy:\n");
      strategy.ifPresent(s -> m.append("    type: ").append(s).append('\n'));
      if (hasSteps) {
        m.append("    rollingUpdate:\n");
        surge.ifPresent(s -> m.append("      maxSurge: ").append(s.manifest()).append('\n'));
        unavailable.ifPresent(
            s -> m.append("      maxUnavailable: ").append(s.manifest()).append('\n'));
      }
    }
    StringBuilder w = new StringBuilder();
    if (scaler.isPresent()) {
      boolean hpa = scaler.get()[0] == 0;
      int min = scaler.get()[1];
      int extra = scaler.get()[2];
      int lo = min >= 0 ? min : (hpa ? 1 : 0);
      if (hpa && extra < 0) {
        return Optional.empty(); // maxReplicas is required in an HPA
      }
      int hi = extra >= 0 ? Math.max(lo, 1) + extra : 100;
      if (hi < lo) {
        return Optional.empty();
      }
      m.append("---\n");
      m.append(
          hpa
              ? "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n"
              : "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\n");
      m.append("metadata:\n  name: api-scaler\nspec:\n  scaleTargetRef:\n");
      m.append("    kind: ").append(kind).append("\n    name: api\n");
      String minKey = hpa ? "minReplicas" : "minReplicaCount";
      String maxKey = hpa ? "maxReplicas" : "maxReplicaCount";
      if (min >= 0) {
        m.append("  ").append(minKey).append(": ").append(min).append('\n');
      }
      if (extra >= 0) {
        m.append("  ").append(maxKey).append(": ").append(hi).append('\n');
      }
      w.append("    replicas: {min: ").append(lo).append(", max: ").append(hi).append("}\n");
    } else {
      w.append("    replicas: ").append(replicas.orElse(1)).append('\n');
    }
    if (!deployment || recreate) {
      w.append("    rollout: {strategy: recreate}\n");
    } else {
      w.append("    rollout: {strategy: rolling");
      w.append(", max_surge: ").append(surge.map(Step::written).orElse("25%"));
      w.append(", max_unavailable: ").append(unavailable.map(Step::written).orElse("25%"));
      w.append("}\n");
    }
    return Optional.of(new Case(m.toString(), w.toString()));
  }
}
