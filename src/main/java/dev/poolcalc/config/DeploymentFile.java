package dev.poolcalc.config;

import dev.poolcalc.engine.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployment as read from a file, with where each key was written ({@code apps[1].replicas} → its
 * line and column), so later checks and CI annotations can point back at the source.
 *
 * @param locations where each key path was written; an included file's apps continue the numbering
 *     ({@code apps[3]} may be the first app of an included file) and point into it
 * @param sources per app name, the values read from manifests by {@code from:}, keyed like the
 *     app's own keys ({@code replicas}, {@code replicas.max}, {@code rollout.max_surge}, {@code
 *     processes}); apps without {@code from:} have none
 * @param unset the variables inside URLs that were not set, left in place (plan, check and explain
 *     only; {@link DeploymentReader#read(String, java.io.InputStream, Map, boolean)})
 */
public record DeploymentFile(
    String file,
    Deployment deployment,
    Map<String, SourceLocation> locations,
    Map<String, Map<String, ValueSource>> sources,
    UnsetVariables unset) {

  public DeploymentFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(deployment, "deployment");
    locations = Map.copyOf(locations);
    Map<String, Map<String, ValueSource>> copy = new LinkedHashMap<>();
    sources.forEach((app, values) -> copy.put(app, Map.copyOf(values)));
    sources = java.util.Collections.unmodifiableMap(copy);
    Objects.requireNonNull(unset, "unset");
  }

  /** A file whose every variable was set. */
  public DeploymentFile(
      String file,
      Deployment deployment,
      Map<String, SourceLocation> locations,
      Map<String, Map<String, ValueSource>> sources) {
    this(file, deployment, locations, sources, UnsetVariables.none());
  }

  /** A file whose every value was written in it. */
  public DeploymentFile(String file, Deployment deployment, Map<String, SourceLocation> locations) {
    this(file, deployment, locations, Map.of());
  }

  public Optional<SourceLocation> location(String keyPath) {
    return Optional.ofNullable(locations.get(keyPath));
  }

  /** Where an app's entry starts, for annotations that point at the app. */
  public SourceLocation appLocation(int index) {
    return location("apps[" + index + "]").orElse(new SourceLocation(file, 1, 1));
  }

  /** The values {@code from:} read for an app, by key; empty when it read none. */
  public Map<String, ValueSource> sources(String app) {
    return sources.getOrDefault(app, Map.of());
  }
}
