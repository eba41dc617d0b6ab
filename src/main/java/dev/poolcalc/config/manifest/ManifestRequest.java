package dev.poolcalc.config.manifest;

import dev.poolcalc.config.SourceLocation;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One app's {@code from:} as the deployment file wrote it, with what else the app wrote that a
 * manifest could also supply.
 *
 * @param app the app's name: the workload, service or PM2 app looked for unless one is named
 * @param keyPath the app's path in the deployment file, such as {@code apps[0]}, for messages
 * @param file the manifest, resolved against the deployment file's folder
 * @param shownAs how problems name the manifest (the resolved path as the user can open it)
 * @param fromAt where {@code from:}'s value was written
 * @param workload {@code workload: Kind/name} (Kubernetes) or a PM2 app's name, if written
 * @param service {@code service: NAME} (Compose), if written
 * @param cpus {@code cpus:} for PM2's {@code instances: max}, 0 or -1, if written
 * @param written the app's own keys among replicas, rollout and processes, with their locations
 */
public record ManifestRequest(
    String app,
    String keyPath,
    Path file,
    String shownAs,
    SourceLocation fromAt,
    Optional<Named> workload,
    Optional<Named> service,
    OptionalLong cpus,
    SourceLocation cpusAt,
    Map<String, SourceLocation> written) {

  /** A name written in the deployment file, and where. */
  public record Named(String value, SourceLocation at) {}

  public ManifestRequest {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(fromAt, "fromAt");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(cpus, "cpus");
    written = Map.copyOf(written);
  }

  String pathOf(String key) {
    return keyPath + "." + key;
  }
}
