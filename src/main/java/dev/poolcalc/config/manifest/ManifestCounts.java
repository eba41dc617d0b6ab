package dev.poolcalc.config.manifest;

import dev.poolcalc.config.ValueSource;
import dev.poolcalc.engine.Replicas;
import dev.poolcalc.engine.Rollout;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a manifest supplies for one app, each value with where it was read.
 *
 * @param replicas a fixed count or the autoscaler's range (Kubernetes, Compose)
 * @param rollout how its pods are replaced (Kubernetes, Compose)
 * @param processes pools per replica (PM2)
 * @param sources by the app's key it stands for: {@code replicas}, {@code replicas.min}, {@code
 *     replicas.max}, {@code rollout}, {@code rollout.max_surge}, {@code rollout.max_unavailable},
 *     {@code processes}
 */
public record ManifestCounts(
    Format format,
    Optional<Replicas> replicas,
    Optional<Rollout> rollout,
    OptionalLong processes,
    Map<String, ValueSource> sources) {

  /** The kinds of file {@code from:} reads, and which of the app's keys each one supplies. */
  public enum Format {
    KUBERNETES("Kubernetes manifest", Set.of("replicas", "rollout")),
    COMPOSE("Compose file", Set.of("replicas", "rollout")),
    PM2("PM2 ecosystem file", Set.of("processes"));

    private final String description;
    private final Set<String> supplies;

    Format(String description, Set<String> supplies) {
      this.description = description;
      this.supplies = supplies;
    }

    public String description() {
      return description;
    }

    /** The app's keys this kind of file gives, and so may not be written beside from:. */
    public Set<String> supplies() {
      return supplies;
    }
  }

  public ManifestCounts {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(replicas, "replicas");
    Objects.requireNonNull(rollout, "rollout");
    Objects.requireNonNull(processes, "processes");
    sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }
}
