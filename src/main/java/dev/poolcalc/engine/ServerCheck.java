package dev.poolcalc.engine;

import dev.poolcalc.engine.ProviderSizing.Setting;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares the settings the plan was computed from with the ones the server really has: a plan for
 * max_connections 100 proves nothing about a server with 50.
 *
 * <p>On a managed server whose max_connections came from the provider's catalog, a difference is
 * explained rather than blamed on the file: below an upper bound (RDS computes from
 * DBInstanceClassMemory, smaller than the class memory the catalog knows) is expected, and only a
 * warning while within the share the plan trusts ({@link ProviderSizing#UPPER_BOUND_TRUST}); above
 * it, or off an exact value, a custom parameter group (or another size) changed it. The reserved
 * slots a catalog supplies are not compared: providers keep them by other means than these settings
 * (RDS's rds.rds_superuser_reserved_connections, Azure's slots for replication and monitoring), so
 * the server's own settings say nothing about them.
 */
public final class ServerCheck {

  static final String CODE = "server-settings-differ";
  public static final String CATALOG_CODE = "max-connections-differs-from-catalog";

  private ServerCheck() {}

  public static List<Finding> differences(Database file, ServerSettings server) {
    List<Finding> findings = new ArrayList<>();
    Optional<ProviderSizing> provider = file.provider();
    if (provider.isPresent() && !provider.get().isWritten(Setting.MAX_CONNECTIONS)) {
      fromCatalog(provider.get(), server.maxConnections()).ifPresent(findings::add);
    } else {
      differ(findings, "max_connections", server.maxConnections(), file.maxConnections());
    }
    if (written(provider, Setting.SUPERUSER_RESERVED_CONNECTIONS)) {
      differ(
          findings,
          "superuser_reserved_connections",
          server.superuserReservedConnections(),
          file.superuserReservedConnections());
    }
    if (!written(provider, Setting.RESERVED_CONNECTIONS)) {
      return findings;
    }
    if (server.reservedConnections().isPresent()) {
      differ(
          findings,
          "reserved_connections",
          server.reservedConnections().getAsLong(),
          file.reservedConnections());
    } else if (file.reservedConnections() > 0) {
      findings.add(
          Finding.of(
              Severity.ERROR,
              CODE,
              String.format(
                  "the file sets database.reserved_connections %d, but PostgreSQL %d has no"
                      + " such setting (it came in 16): set it to 0 or remove it",
                  file.reservedConnections(), server.majorVersion())));
    }
    return findings;
  }

  /** Whether the file, not the provider's catalog, gave this setting. */
  private static boolean written(Optional<ProviderSizing> provider, Setting setting) {
    return provider.isEmpty()
        || provider.get().isWritten(setting)
        || catalogValue(provider.get(), setting).isEmpty();
  }

  private static Optional<ProviderSizing.CatalogValue> catalogValue(
      ProviderSizing p, Setting setting) {
    return switch (setting) {
      case MAX_CONNECTIONS -> Optional.of(p.maxConnections());
      case SUPERUSER_RESERVED_CONNECTIONS -> p.superuserReserved();
      case RESERVED_CONNECTIONS -> p.reservedConnections();
    };
  }

  /** The server's max_connections against the catalog's, with what a difference means. */
  private static Optional<Finding> fromCatalog(ProviderSizing p, long live) {
    ProviderSizing.CatalogValue catalog = p.maxConnections();
    if (live == catalog.value()) {
      return Optional.empty();
    }
    String size = p.provider() + " " + p.instance();
    String write =
        String.format(
            "write database.max_connections: %d in the file and plan again on the server's own"
                + " number",
            live);
    if (catalog.upperBound() && live < catalog.value()) {
      long trusted =
          BigDecimal.valueOf(catalog.value())
              .multiply(ProviderSizing.UPPER_BOUND_TRUST)
              .setScale(0, RoundingMode.FLOOR)
              .longValueExact();
      boolean expected = live >= trusted;
      return Optional.of(
          Finding.of(
              expected ? Severity.WARNING : Severity.ERROR,
              CATALOG_CODE,
              String.format(
                  "the server's max_connections is %d, below the catalog's upper bound of %d for"
                      + " %s%s: %s",
                  live,
                  catalog.value(),
                  size,
                  expected
                      ? ", as expected: the provider computes it from the memory left after the"
                          + " operating system's share (DBInstanceClassMemory), which is smaller"
                          + " than the class memory the catalog knows"
                      : String.format(
                          ", under the %d the plan trusts, more than the memory reserve explains:"
                              + " a custom parameter group, or another size than %s?",
                          trusted, p.instance()),
                  write)));
    }
    return Optional.of(
        Finding.of(
            Severity.ERROR,
            CATALOG_CODE,
            String.format(
                "the server's max_connections is %d, %s the catalog's %s%d for %s: a custom"
                    + " parameter group (or a changed setting, or another size than %s) set it;"
                    + " %s",
                live,
                live > catalog.value() ? "above" : "below",
                catalog.upperBound() ? "upper bound of " : "",
                catalog.value(),
                size,
                p.instance(),
                write)));
  }

  private static void differ(List<Finding> findings, String key, long server, long file) {
    if (server != file) {
      findings.add(
          Finding.of(
              Severity.ERROR,
              CODE,
              String.format(
                  "the server's %s is %d but the file says %d: set database.%s to %d and"
                      + " plan again",
                  key, server, file, key, server)));
    }
  }
}
