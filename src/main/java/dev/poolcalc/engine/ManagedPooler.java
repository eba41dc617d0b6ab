package dev.poolcalc.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's own pooler (Supabase's Supavisor, Neon's PgBouncer): the settings the catalog gives
 * it for the database's size, and which of them the file wrote instead, so a plan can say where
 * each number came from.
 *
 * @param provider the catalog's provider name, such as neon
 * @param instance the size as the catalog names it, such as 1
 * @param settings every setting the catalog supplies, in the order the plan shows them
 * @param source the provider's page the pooler's numbers were read on
 * @param verified the day they were last read there
 */
public record ManagedPooler(
    String provider,
    String instance,
    List<CatalogSetting> settings,
    String source,
    LocalDate verified) {

  /**
   * One pooler setting the catalog supplies.
   *
   * @param key the setting as the input file names it, such as default_pool_size
   * @param value the catalog's value
   * @param derivation how the value follows from the server, such as "floor(419 × 90 / 100)"; empty
   *     for a number the provider documents as it is
   * @param written the file's own value, which wins over the catalog's, when it writes one
   */
  public record CatalogSetting(
      String key, String value, Optional<String> derivation, Optional<String> written) {

    public CatalogSetting {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(derivation, "derivation");
      Objects.requireNonNull(written, "written");
    }

    /** Whether the plan uses the catalog's value: the file left the setting out. */
    public boolean fromCatalog() {
      return written.isEmpty();
    }
  }

  public ManagedPooler {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(instance, "instance");
    settings = List.copyOf(settings);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(verified, "verified");
  }

  /** The settings the plan took from the catalog. */
  public List<CatalogSetting> taken() {
    return settings.stream().filter(CatalogSetting::fromCatalog).toList();
  }

  /** The settings the file wrote over a different catalog value. */
  public List<CatalogSetting> overridden() {
    return settings.stream()
        .filter(s -> s.written().isPresent() && !s.written().get().equals(s.value()))
        .toList();
  }
}
