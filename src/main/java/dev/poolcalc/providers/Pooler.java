package dev.poolcalc.providers;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The pooler a provider runs in front of its servers, with the limits it documents.
 *
 * @param kind pgbouncer or supavisor
 * @param poolMode the mode it runs in, when fixed by the provider
 * @param maxClientConnections client connections it accepts, when one number holds for every size
 *     (per-size limits are on {@link Instance#poolerMaxClients()})
 * @param poolSizePercent server connections per (user, database) pool as a percentage of
 *     max_connections, when the provider sizes pools that way
 */
public record Pooler(
    String kind,
    Optional<String> poolMode,
    OptionalLong maxClientConnections,
    OptionalInt poolSizePercent,
    String source,
    LocalDate verified) {

  public Pooler {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(poolMode, "poolMode");
    Objects.requireNonNull(maxClientConnections, "maxClientConnections");
    Objects.requireNonNull(poolSizePercent, "poolSizePercent");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(verified, "verified");
  }

  /** floor(max_connections × percent / 100): the server connections one pool may open. */
  public OptionalLong poolSize(long maxConnections) {
    return poolSizePercent.isPresent()
        ? OptionalLong.of(maxConnections * poolSizePercent.getAsInt() / 100)
        : OptionalLong.empty();
  }
}
