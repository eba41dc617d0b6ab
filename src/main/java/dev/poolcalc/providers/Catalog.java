package dev.poolcalc.providers;

import dev.poolcalc.text.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The managed-PostgreSQL catalog shipped in the jar ({@code catalog.yaml} beside this class): the
 * max_connections each provider's sizes give, the slots the provider keeps back, and its pooler's
 * limits, every number with its source page.
 */
public final class Catalog {

  static final String RESOURCE = "catalog.yaml";

  /** Sizes listed in full in an unknown-size message; bigger providers only get "did you mean". */
  private static final int LISTED_INSTANCES = 12;

  private final Map<String, Provider> providers;
  private final Map<String, String> unverified;

  Catalog(Map<String, Provider> providers, Map<String, String> unverified) {
    this.providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
    this.unverified = Collections.unmodifiableMap(new LinkedHashMap<>(unverified));
  }

  /** The catalog in the jar. A catalog that does not load is a build error, not a user's. */
  public static Catalog builtIn() {
    return BuiltIn.CATALOG;
  }

  private static final class BuiltIn {
    static final Catalog CATALOG = load();

    private static Catalog load() {
      try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the jar");
        }
        return parse(RESOURCE, new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Reads a catalog in the format of the built-in one; a malformed one is an IllegalStateException.
   */
  static Catalog parse(String name, Reader reader) {
    return CatalogReader.read(name, reader);
  }

  /** Providers in catalog order. */
  public List<Provider> providers() {
    return List.copyOf(providers.values());
  }

  /**
   * Providers the catalog knows of but holds no verified numbers for yet, each with the page where
   * its limits are documented.
   */
  public Map<String, String> unverifiedProviders() {
    return unverified;
  }

  public Provider provider(String typed) throws UnknownNameException {
    Provider provider = providers.get(typed.trim().toLowerCase(Locale.ROOT));
    if (provider != null) {
      return provider;
    }
    List<String> known = List.copyOf(providers.keySet());
    throw new UnknownNameException(
        String.format(
            "\"%s\" is not a provider in the catalog (known: %s)", typed, String.join(", ", known)),
        closest(typed, known, s -> s),
        known);
  }

  public Instance instance(String providerName, String typed) throws UnknownNameException {
    Provider provider = provider(providerName);
    Optional<Instance> found = provider.instance(typed);
    if (found.isPresent()) {
      return found.get();
    }
    List<String> known = provider.instances().stream().map(Instance::name).toList();
    String listed =
        known.size() <= LISTED_INSTANCES ? " (known: " + String.join(", ", known) + ")" : "";
    throw new UnknownNameException(
        String.format(
            "\"%s\" is not a %s the catalog knows for %s%s",
            typed, provider.instanceKind(), provider.name(), listed),
        closest(typed, known, provider::normalize),
        known);
  }

  /**
   * The smallest size in {@code current}'s family whose max_connections is at least {@code
   * maxConnections}: the resize that fits a plan needing that many. Empty when even the largest is
   * too small.
   */
  public Optional<Instance> smallestFitting(Instance current, long maxConnections) {
    Provider provider = providers.get(current.provider());
    if (provider == null) {
      return Optional.empty();
    }
    return provider.families().stream()
        .filter(f -> f.name().equals(current.family()))
        .flatMap(f -> f.instances().stream())
        .filter(i -> i.maxConnections().value() >= maxConnections)
        .findFirst();
  }

  /**
   * The sizes of {@code current}'s family larger than it, smallest first: where a plan that does
   * not fit looks for the resize that does.
   */
  public List<Instance> largerInFamily(Instance current) {
    Provider provider = providers.get(current.provider());
    if (provider == null) {
      return List.of();
    }
    return provider.families().stream()
        .filter(f -> f.name().equals(current.family()))
        .flatMap(f -> f.instances().stream())
        .filter(i -> i.rank() > current.rank())
        .toList();
  }

  /**
   * Suggestions compares a lower-cased, '-' to '_' form of the typed name with each candidate as
   * given, so candidates go in in that same form and come back out as written.
   */
  private static Optional<String> closest(
      String typed, Collection<String> names, Function<String, String> normalize) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String name : names) {
      byKey.putIfAbsent(key(name), name);
    }
    return Suggestions.closest(normalize.apply(typed), new ArrayList<>(byKey.keySet()))
        .map(byKey::get);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replace('-', '_');
  }
}
