package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a managed server's settings came from: the provider's catalog entry for its size, and which
 * settings were written explicitly instead (a custom parameter group), so a plan can say so.
 *
 * @param provider the catalog's provider name, such as aws-rds
 * @param instance the size as the catalog names it, such as db.t3.medium
 * @param maxConnections the catalog's max_connections for the size
 * @param superuserReserved the catalog's slots kept for the provider's superuser, when it has them
 * @param reservedConnections the catalog's further slots kept from ordinary roles (RDS's
 *     rds_superuser slots), when it has them
 * @param written the settings given explicitly rather than taken from the catalog; those win
 */
public record ProviderSizing(
    String provider,
    String instance,
    CatalogValue maxConnections,
    Optional<CatalogValue> superuserReserved,
    Optional<CatalogValue> reservedConnections,
    Set<Setting> written) {

  /**
   * The share of an upper-bound max_connections the engine trusts: the real value may be this much
   * lower. AWS's one published worked example (Aurora PostgreSQL, db.r4.large, 15.25 GiB) gives a
   * default of 1600 where the class memory gives floor(15.25 GiB / 9531392) = 1717, 6.8 % less; the
   * operating system's share weighs more on small classes, so 10 % is allowed.
   */
  public static final BigDecimal UPPER_BOUND_TRUST = new BigDecimal("0.90");

  /** The finding of a plan that fits an upper-bound max_connections only near its ceiling. */
  public static final String NEAR_CEILING_CODE = "provider-upper-bound";

  /** The settings a provider's catalog can supply. */
  public enum Setting {
    MAX_CONNECTIONS,
    SUPERUSER_RESERVED_CONNECTIONS,
    RESERVED_CONNECTIONS
  }

  /**
   * One catalog number with its provenance.
   *
   * @param upperBound true when the server's real value may be lower (RDS)
   * @param source the provider's page the number was read on
   * @param verified the day it was last read there
   */
  public record CatalogValue(long value, boolean upperBound, String source, LocalDate verified) {

    public CatalogValue {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(verified, "verified");
    }
  }

  public ProviderSizing {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(maxConnections, "maxConnections");
    Objects.requireNonNull(superuserReserved, "superuserReserved");
    Objects.requireNonNull(reservedConnections, "reservedConnections");
    written = Set.copyOf(written);
  }

  public boolean isWritten(Setting setting) {
    return written.contains(setting);
  }

  /** True when the plan's max_connections is the catalog's ceiling rather than a known value. */
  public boolean maxConnectionsIsUpperBound() {
    return maxConnections.upperBound() && !isWritten(Setting.MAX_CONNECTIONS);
  }

  /** The same provenance with {@code setting} given explicitly. */
  public ProviderSizing withWritten(Setting setting) {
    EnumSet<Setting> now = EnumSet.noneOf(Setting.class);
    now.addAll(written);
    now.add(setting);
    return new ProviderSizing(
        provider, instance, maxConnections, superuserReserved, reservedConnections, now);
  }
}
