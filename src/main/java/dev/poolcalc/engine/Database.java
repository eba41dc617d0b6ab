package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The PostgreSQL server the apps share, with what it keeps back from ordinary roles.
 *
 * @param headroom the rule of thumb: pools may take at most floor(max_connections × headroom)
 * @param superuserReservedConnections slots only superusers may use (PostgreSQL default 3)
 * @param reservedConnections slots for roles with pg_use_reserved_connections (PostgreSQL 16+)
 * @param url the base connection URL that rendered settings start from, if any
 * @param provider the managed provider's catalog entry the settings came from, if any
 * @param rollouts whether the apps' rollouts may overlap: the moment the plan must fit
 */
public record Database(
    Optional<String> name,
    long maxConnections,
    Amount reserve,
    BigDecimal headroom,
    long superuserReservedConnections,
    long reservedConnections,
    Optional<String> url,
    Optional<ProviderSizing> provider,
    Rollouts rollouts) {

  public static final BigDecimal DEFAULT_HEADROOM = new BigDecimal("0.85");
  public static final long DEFAULT_SUPERUSER_RESERVED = 3;

  public Database {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reserve, "reserve");
    Objects.requireNonNull(headroom, "headroom");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(rollouts, "rollouts");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("max_connections must be at least 1");
    }
    if (headroom.signum() <= 0 || headroom.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("headroom must be in (0, 1]");
    }
    if (superuserReservedConnections < 0 || reservedConnections < 0) {
      throw new IllegalArgumentException("reserved connection counts must not be negative");
    }
  }

  /** A server whose apps' rollouts may all overlap (input files before database.rollouts). */
  public Database(
      Optional<String> name,
      long maxConnections,
      Amount reserve,
      BigDecimal headroom,
      long superuserReservedConnections,
      long reservedConnections,
      Optional<String> url,
      Optional<ProviderSizing> provider) {
    this(
        name,
        maxConnections,
        reserve,
        headroom,
        superuserReservedConnections,
        reservedConnections,
        url,
        provider,
        Rollouts.ALL_AT_ONCE);
  }

  /** A server that is not sized from a provider's catalog. */
  public Database(
      Optional<String> name,
      long maxConnections,
      Amount reserve,
      BigDecimal headroom,
      long superuserReservedConnections,
      long reservedConnections,
      Optional<String> url) {
    this(
        name,
        maxConnections,
        reserve,
        headroom,
        superuserReservedConnections,
        reservedConnections,
        url,
        Optional.empty());
  }

  /** A server with PostgreSQL's defaults and the given size and reserve. */
  public static Database of(long maxConnections, Amount reserve) {
    return new Database(
        Optional.empty(),
        maxConnections,
        reserve,
        DEFAULT_HEADROOM,
        DEFAULT_SUPERUSER_RESERVED,
        0,
        Optional.empty());
  }

  public Database withHeadroom(BigDecimal h) {
    return new Database(
        name,
        maxConnections,
        reserve,
        h,
        superuserReservedConnections,
        reservedConnections,
        url,
        provider,
        rollouts);
  }

  /** The server with max_connections set to {@code max}: a chosen value, not the catalog's. */
  public Database withMaxConnections(long max) {
    return new Database(
        name,
        max,
        reserve,
        headroom,
        superuserReservedConnections,
        reservedConnections,
        url,
        provider.map(p -> p.withWritten(ProviderSizing.Setting.MAX_CONNECTIONS)),
        rollouts);
  }

  /**
   * The server at another size of its provider: the catalog's max_connections for it, with the
   * catalog entry that gives it.
   */
  public Database resizedTo(long max, ProviderSizing sizing) {
    return new Database(
        name,
        max,
        reserve,
        headroom,
        superuserReservedConnections,
        reservedConnections,
        url,
        Optional.of(sizing),
        rollouts);
  }

  public Database withRollouts(Rollouts r) {
    return new Database(
        name,
        maxConnections,
        reserve,
        headroom,
        superuserReservedConnections,
        reservedConnections,
        url,
        provider,
        r);
  }

  public Database withReserve(Amount r) {
    return new Database(
        name,
        maxConnections,
        r,
        headroom,
        superuserReservedConnections,
        reservedConnections,
        url,
        provider,
        rollouts);
  }
}
