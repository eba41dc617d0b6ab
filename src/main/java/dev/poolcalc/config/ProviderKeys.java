package dev.poolcalc.config;

import dev.poolcalc.engine.PoolerKind;
import dev.poolcalc.engine.ProviderSizing;
import dev.poolcalc.engine.ProviderSizing.CatalogValue;
import dev.poolcalc.engine.ProviderSizing.Setting;
import dev.poolcalc.providers.Catalog;
import dev.poolcalc.providers.Instance;
import dev.poolcalc.providers.Provider;
import dev.poolcalc.providers.Sourced;
import dev.poolcalc.providers.UnknownNameException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * database.provider and database.instance: the size looked up in the catalog, whose numbers fill in
 * what the file does not write. A value written in the file wins.
 */
final class ProviderKeys {

  static final String PROVIDER = "provider";
  static final String INSTANCE = "instance";

  /** The size the file names, with what the catalog gives for it. */
  record Choice(Provider provider, Instance instance) {

    OptionalLong maxConnections() {
      return OptionalLong.of(instance.maxConnections().value());
    }

    OptionalLong superuserReserved() {
      return provider.superuserReserved().stream().mapToLong(Sourced::value).findFirst();
    }

    OptionalLong reservedConnections() {
      return provider.reservedConnections().stream().mapToLong(Sourced::value).findFirst();
    }

    /** Whether the provider runs a pooler of this kind that the catalog knows. */
    boolean runs(PoolerKind kind) {
      return provider.pooler().filter(p -> p.kind().equals(kind.key())).isPresent();
    }

    /** The provenance the engine keeps, noting which settings the file wrote itself. */
    ProviderSizing sizing(Fields db) {
      EnumSet<Setting> written = EnumSet.noneOf(Setting.class);
      if (db.has("max_connections")) {
        written.add(Setting.MAX_CONNECTIONS);
      }
      if (db.has("superuser_reserved_connections")) {
        written.add(Setting.SUPERUSER_RESERVED_CONNECTIONS);
      }
      if (db.has("reserved_connections")) {
        written.add(Setting.RESERVED_CONNECTIONS);
      }
      return new ProviderSizing(
          provider.name(),
          instance.name(),
          value(instance.maxConnections()),
          provider.superuserReserved().map(ProviderKeys::value),
          provider.reservedConnections().map(ProviderKeys::value),
          written);
    }
  }

  private ProviderKeys() {}

  /** True when the file names a provider, valid or not: then max_connections may be left out. */
  static boolean named(Fields db) {
    return db.has(PROVIDER);
  }

  /**
   * The catalog entry the file names; empty, with the problem recorded, when a name is unknown or
   * one of the two keys is missing. Empty without a problem for a provider the catalog has no
   * verified numbers for, when the file writes max_connections itself. {@code catalog} is asked for
   * only when the file names a provider or instance, so a file without one never parses it.
   */
  static Optional<Choice> read(Fields db, Supplier<Catalog> catalog) {
    Optional<String> providerName = db.optionalString(PROVIDER);
    Optional<String> instanceName = db.optionalString(INSTANCE);
    if (providerName.isEmpty()) {
      if (db.has(INSTANCE) && !db.has(PROVIDER)) {
        db.problem(
            INSTANCE,
            db.pathOf(INSTANCE)
                + " needs "
                + db.pathOf(PROVIDER)
                + ", one of "
                + String.join(", ", providerNames(catalog.get())));
      }
      return Optional.empty();
    }
    String unverified = catalog.get().unverifiedProviders().get(providerName.get());
    if (unverified != null) {
      if (!db.has("max_connections")) {
        db.problem(
            PROVIDER,
            String.format(
                "%s %s has no verified numbers in the catalog yet: write database.max_connections"
                    + " (its limits are on %s)",
                db.pathOf(PROVIDER), providerName.get(), unverified));
      }
      return Optional.empty();
    }
    Provider provider;
    try {
      provider = catalog.get().provider(providerName.get());
    } catch (UnknownNameException e) {
      db.problem(PROVIDER, db.pathOf(PROVIDER) + " " + e.getMessage());
      return Optional.empty();
    }
    if (instanceName.isEmpty()) {
      if (!db.has(INSTANCE)) {
        db.problem(
            PROVIDER,
            String.format(
                "%s is required with %s: the %s %s, such as %s",
                db.pathOf(INSTANCE),
                db.pathOf(PROVIDER),
                provider.name(),
                provider.instanceKind(),
                provider.instances().get(0).name()));
      }
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Choice(provider, catalog.get().instance(provider.name(), instanceName.get())));
    } catch (UnknownNameException e) {
      db.problem(INSTANCE, db.pathOf(INSTANCE) + " " + e.getMessage());
      return Optional.empty();
    }
  }

  private static List<String> providerNames(Catalog catalog) {
    return catalog.providers().stream().map(Provider::name).toList();
  }

  private static CatalogValue value(Sourced sourced) {
    return new CatalogValue(
        sourced.value(), sourced.isUpperBound(), sourced.source(), sourced.verified());
  }
}
