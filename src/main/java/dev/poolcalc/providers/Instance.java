package dev.poolcalc.providers;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One size a provider sells, as the catalog knows it.
 *
 * @param family the provider's family (RDS db.m6g, Azure Ddsv5, …): sizes compared only within it
 * @param rank the position in its family, smallest first
 * @param maxConnections what the server's max_connections is for this size
 * @param memoryGib the class memory the value was computed from, when it was computed
 * @param poolerMaxClients the provider pooler's client limit for this size, when documented
 * @param units the compute units this entry covers, for providers sized in units (Neon)
 */
public record Instance(
    String provider,
    String family,
    String name,
    int rank,
    Sourced maxConnections,
    Optional<BigDecimal> memoryGib,
    OptionalLong poolerMaxClients,
    Optional<Units> units) {

  /** A closed range of compute units, such as Neon's 9 to 56. */
  public record Units(BigDecimal from, BigDecimal to) {

    public Units {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (from.compareTo(to) > 0) {
        throw new IllegalArgumentException("units from must not exceed to");
      }
    }

    boolean contains(BigDecimal value) {
      return from.compareTo(value) <= 0 && value.compareTo(to) <= 0;
    }
  }

  public Instance {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(maxConnections, "maxConnections");
    Objects.requireNonNull(memoryGib, "memoryGib");
    Objects.requireNonNull(poolerMaxClients, "poolerMaxClients");
    Objects.requireNonNull(units, "units");
  }
}
