package dev.poolcalc.engine;

import dev.poolcalc.engine.ProviderSizing.CatalogValue;
import dev.poolcalc.engine.ProviderSizing.Setting;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Findings about a server sized from a provider's catalog: where its numbers came from, which the
 * file overrode, and the upper-bound rule.
 *
 * <p>The rule: a catalog max_connections that is an upper bound (RDS) is trusted only to {@link
 * ProviderSizing#UPPER_BOUND_TRUST} of its value. When the pools would not fit the usable slots of
 * a server that much smaller, the plan is near the ceiling and is treated as over it: warning
 * {@code provider-upper-bound}. The status is left as the README's arithmetic defines it (the
 * renderers phrase a warning status as "over the budget"); raising it is for when they can say why.
 */
final class ProviderFindings {

  static final String UPPER_BOUND = ProviderSizing.NEAR_CEILING_CODE;

  private ProviderFindings() {}

  static List<Finding> of(Database db, Budget budget, long total) {
    if (db.provider().isEmpty()) {
      return List.of();
    }
    ProviderSizing p = db.provider().get();
    String size = p.provider() + " " + p.instance();
    List<Finding> findings = new ArrayList<>();
    List<String> fromCatalog = new ArrayList<>();
    if (!p.isWritten(Setting.MAX_CONNECTIONS)) {
      fromCatalog.add("max_connections " + p.maxConnections().value());
    }
    taken(p, Setting.SUPERUSER_RESERVED_CONNECTIONS, p.superuserReserved())
        .ifPresent(v -> fromCatalog.add("superuser_reserved_connections " + v.value()));
    taken(p, Setting.RESERVED_CONNECTIONS, p.reservedConnections())
        .ifPresent(v -> fromCatalog.add("reserved_connections " + v.value()));
    if (!fromCatalog.isEmpty()) {
      findings.add(
          Finding.of(
              Severity.INFO,
              "provider-catalog",
              String.format(
                  "%s from the catalog for %s%s (verified %s, %s)",
                  String.join(", ", fromCatalog),
                  size,
                  p.maxConnectionsIsUpperBound()
                      ? "; max_connections is an upper bound: the server's value may be lower"
                      : "",
                  p.maxConnections().verified(),
                  p.maxConnections().source())));
    }
    written(p, Setting.MAX_CONNECTIONS, Optional.of(p.maxConnections()), db.maxConnections())
        .ifPresent(findings::add);
    written(
            p,
            Setting.SUPERUSER_RESERVED_CONNECTIONS,
            p.superuserReserved(),
            db.superuserReservedConnections())
        .ifPresent(findings::add);
    written(p, Setting.RESERVED_CONNECTIONS, p.reservedConnections(), db.reservedConnections())
        .ifPresent(findings::add);
    if (p.maxConnectionsIsUpperBound()) {
      long trusted =
          BigDecimal.valueOf(db.maxConnections())
              .multiply(ProviderSizing.UPPER_BOUND_TRUST)
              .setScale(0, RoundingMode.FLOOR)
              .longValueExact();
      long trustedUsable = trusted - budget.superuserReserved() - budget.reservedConnections();
      if (total > trustedUsable && total <= budget.usable()) {
        findings.add(
            Finding.of(
                Severity.WARNING,
                UPPER_BOUND,
                String.format(
                    "max_connections %d is the catalog's upper bound for %s and the server may"
                        + " have fewer: at %d (%s of it) ordinary roles get %d, below the pools'"
                        + " %d connections; check SHOW max_connections on the server and write it"
                        + " as database.max_connections, or lower the limits by %d in all",
                    db.maxConnections(),
                    size,
                    trusted,
                    percent(),
                    trustedUsable,
                    total,
                    total - trustedUsable)));
      }
    }
    return findings;
  }

  private static Optional<CatalogValue> taken(
      ProviderSizing p, Setting setting, Optional<CatalogValue> value) {
    return p.isWritten(setting) ? Optional.empty() : value;
  }

  private static Optional<Finding> written(
      ProviderSizing p, Setting setting, Optional<CatalogValue> catalog, long actual) {
    if (!p.isWritten(setting) || catalog.isEmpty() || catalog.get().value() == actual) {
      return Optional.empty();
    }
    String key = setting.name().toLowerCase(Locale.ROOT);
    return Optional.of(
        Finding.of(
            Severity.INFO,
            "provider-setting-written",
            String.format(
                "%s %d is written in the file, so it wins over the catalog's %d%s for %s %s"
                    + " (a custom parameter group?)",
                key,
                actual,
                catalog.get().value(),
                catalog.get().upperBound() ? " (an upper bound)" : "",
                p.provider(),
                p.instance())));
  }

  private static String percent() {
    return ProviderSizing.UPPER_BOUND_TRUST.movePointRight(2).stripTrailingZeros().toPlainString()
        + " %";
  }
}
