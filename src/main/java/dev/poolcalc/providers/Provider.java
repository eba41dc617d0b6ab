package dev.poolcalc.providers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A managed-PostgreSQL provider: its sizes by family, the slots it keeps from ordinary roles, and
 * its pooler.
 *
 * @param instanceKind what the provider calls a size ("DB instance class", "compute size")
 * @param superuserReserved slots the provider keeps for its superuser, when documented
 * @param reservedConnections further slots ordinary roles cannot use (RDS's rds_superuser slots)
 * @param stripPrefixes prefixes some tools put before a size name, dropped before the lookup
 */
public record Provider(
    String name,
    String title,
    String instanceKind,
    List<Family> families,
    Optional<Sourced> superuserReserved,
    Optional<Sourced> reservedConnections,
    Optional<Pooler> pooler,
    List<String> stripPrefixes) {

  public Provider {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(instanceKind, "instanceKind");
    families = List.copyOf(families);
    Objects.requireNonNull(superuserReserved, "superuserReserved");
    Objects.requireNonNull(reservedConnections, "reservedConnections");
    Objects.requireNonNull(pooler, "pooler");
    stripPrefixes = List.copyOf(stripPrefixes);
  }

  /** Every size, family by family, smallest first within each. */
  public List<Instance> instances() {
    return families.stream().flatMap(f -> f.instances().stream()).toList();
  }

  /**
   * The size written as {@code typed}: names match without regard to case, after dropping a known
   * prefix; a provider sized in compute units also matches a number in an entry's range ("1.0",
   * "16").
   */
  public Optional<Instance> instance(String typed) {
    String wanted = normalize(typed);
    for (Instance instance : instances()) {
      if (instance.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(instance);
      }
    }
    Optional<BigDecimal> units = number(wanted);
    if (units.isPresent()) {
      for (Instance instance : instances()) {
        if (instance.units().isPresent() && instance.units().get().contains(units.get())) {
          return Optional.of(instance);
        }
      }
    }
    return Optional.empty();
  }

  String normalize(String typed) {
    String trimmed = typed.trim();
    for (String prefix : stripPrefixes) {
      if (trimmed.regionMatches(true, 0, prefix, 0, prefix.length())) {
        trimmed = trimmed.substring(prefix.length());
        break;
      }
    }
    return trimmed.toLowerCase(Locale.ROOT);
  }

  private static Optional<BigDecimal> number(String text) {
    try {
      return Optional.of(new BigDecimal(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
