package dev.poolcalc.config;

import dev.poolcalc.engine.Deployment;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployment as read from a file, with where each key was written ({@code apps[1].replicas} → its
 * line and column), so later checks and CI annotations can point back at the source.
 */
public record DeploymentFile(
    String file, Deployment deployment, Map<String, SourceLocation> locations) {

  public DeploymentFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(deployment, "deployment");
    locations = Map.copyOf(locations);
  }

  public Optional<SourceLocation> location(String keyPath) {
    return Optional.ofNullable(locations.get(keyPath));
  }

  /** Where an app's entry starts, for annotations that point at the app. */
  public SourceLocation appLocation(int index) {
    return location("apps[" + index + "]").orElse(new SourceLocation(file, 1, 1));
  }
}
