package dev.poolcalc.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Findings about poolers: the reasons for a pooler's verdict (its clients past max_client_conn, a
 * session pool with more clients than server connections, a limit below 1 behind it) and advice (a
 * proxy that takes every server slot, a pooler no app uses). Each says what to change.
 */
public final class PoolerFindings {

  public static final String CLIENT_CAPACITY = "pooler-client-capacity";
  public static final String CLIENT_BUDGET = "pooler-client-budget";
  public static final String SESSION_OVERSUBSCRIBED = "session-pool-oversubscribed";
  public static final String PROXY_TAKES_EVERYTHING = "proxy-takes-everything";
  public static final String UNUSED = "pooler-unused";
  public static final String CATALOG = "pooler-catalog";
  public static final String SETTING_WRITTEN = "pooler-setting-written";

  private PoolerFindings() {}

  static List<Finding> of(
      Deployment deployment, Budget budget, List<PoolerPlan> poolers, List<AppPlan> direct) {
    List<Finding> findings = new ArrayList<>();
    for (PoolerPlan p : poolers) {
      p.pooler().managed().ifPresent(m -> findings.addAll(provenance(p.name(), m)));
      for (AppPlan row : p.apps()) {
        if (row.connectionLimit() < 1) {
          findings.add(limitBelowOne(p, row));
        }
      }
      clientSide(p).ifPresent(findings::add);
      if (p.pooler().sessionMode() && p.clientConnections() > p.serverConnections()) {
        findings.add(sessionOversubscribed(p));
      }
      if (p.pooler().kind() == PoolerKind.RDS_PROXY
          && p.pooler().maxConnectionsPercent() == 100
          && !direct.isEmpty()) {
        findings.add(proxyTakesEverything(p, budget));
      }
      if (p.apps().isEmpty()) {
        findings.add(
            Finding.of(
                Severity.WARNING,
                UNUSED,
                String.format(
                    "pooler %s has no apps (none sets via: %s) but still takes its %d server"
                        + " connections off the budget; set via: %s on the apps that use it, or"
                        + " remove it",
                    p.name(), p.name(), p.serverConnections(), p.name())));
      }
    }
    return findings;
  }

  private static java.util.Optional<Finding> clientSide(PoolerPlan p) {
    if (p.clientCapacity().isEmpty()) {
      return java.util.Optional.empty();
    }
    long c = p.clientCapacity().getAsLong();
    long clients = p.clientConnections();
    Pooler pooler = p.pooler();
    if (clients > c) {
      long perReplica = Math.floorDiv(clients + pooler.replicas() - 1, pooler.replicas());
      return java.util.Optional.of(
          Finding.of(
              Severity.ERROR,
              CLIENT_CAPACITY,
              String.format(
                  "the apps behind %s can open %d client connections but it accepts %d (%s):"
                      + " the rest are refused with \"no more connections allowed"
                      + " (max_client_conn)\"; %s or lower the apps' connection_limit",
                  p.name(),
                  clients,
                  c,
                  capacityText(pooler),
                  providerLimit(pooler)
                      .orElse(
                          String.format(
                              "raise max_client_conn to at least %d%s",
                              perReplica, pooler.replicas() > 1 ? " per replica" : "")))));
    }
    long budget = p.clientBudget().getAsLong();
    if (clients > budget) {
      return java.util.Optional.of(
          Finding.of(
              Severity.WARNING,
              CLIENT_BUDGET,
              String.format(
                  "the apps behind %s can open %d client connections, %d over its client budget"
                      + " of %d (floor(%d × headroom)): a deploy or a migration may be refused;"
                      + " lower the apps' connection_limit by %d in all or raise max_client_conn",
                  p.name(), clients, clients - budget, budget, c, clients - budget)));
    }
    return java.util.Optional.empty();
  }

  /**
   * Where a provider's own pooler got its numbers: the catalog's settings it took, and each the
   * file wrote over a different catalog value.
   */
  private static List<Finding> provenance(String name, ManagedPooler m) {
    List<Finding> findings = new ArrayList<>();
    String size = m.provider() + " " + m.instance();
    if (!m.taken().isEmpty()) {
      findings.add(
          Finding.of(
              Severity.INFO,
              CATALOG,
              String.format(
                  "pooler %s is %s's own: %s from the catalog for %s (verified %s, %s)",
                  name,
                  m.provider(),
                  String.join(
                      ", ",
                      m.taken().stream()
                          .map(
                              s ->
                                  s.key()
                                      + " "
                                      + s.derivation().map(d -> d + " = ").orElse("")
                                      + s.value())
                          .toList()),
                  size,
                  m.verified(),
                  m.source())));
    }
    for (ManagedPooler.CatalogSetting s : m.overridden()) {
      findings.add(
          Finding.of(
              Severity.INFO,
              SETTING_WRITTEN,
              String.format(
                  "pooler %s's %s %s is written in the file, so it wins over the catalog's %s"
                      + " for %s",
                  name, s.key(), s.written().orElseThrow(), s.value(), size)));
    }
    return findings;
  }

  private static Finding sessionOversubscribed(PoolerPlan p) {
    return Finding.of(
        Severity.ERROR,
        SESSION_OVERSUBSCRIBED,
        String.format(
            "%s runs in session mode, where every client connection holds a server connection,"
                + " but its apps can open %d clients and it has %d server connections: %d would"
                + " wait for a server connection until query_wait_timeout; set pool_mode:"
                + " transaction, or lower the apps' connection_limit to fit %d",
            p.name(),
            p.clientConnections(),
            p.serverConnections(),
            p.clientConnections() - p.serverConnections(),
            p.serverConnections()));
  }

  private static Finding proxyTakesEverything(PoolerPlan p, Budget budget) {
    long fits = Math.floorDiv(Math.multiplyExact(budget.budget(), 100), budget.maxConnections());
    return Finding.of(
        Severity.WARNING,
        PROXY_TAKES_EVERYTHING,
        String.format(
            "%s may open up to max_connections_percent 100 = %d server connections, every slot"
                + " the server has, beside apps that connect directly; set"
                + " max_connections_percent to at most %d (the budget's share) minus what the"
                + " direct apps need, or route them through %s",
            p.name(), p.serverConnections(), fits, p.name()));
  }

  private static Finding limitBelowOne(PoolerPlan p, AppPlan row) {
    String why =
        row.source() == LimitSource.FIXED
            ? "its fixed connection_limit is below 1"
            : String.format(
                "the %d client connections left behind %s (client budget %d − fixed %d) do not"
                    + " give each of %d instances one connection",
                p.split().remaining(),
                p.name(),
                p.clientBudget().orElse(0),
                p.split().fixedTotal(),
                p.split().freeInstances());
    return Finding.forApp(
        Severity.ERROR,
        "limit-below-one",
        row.name(),
        String.format(
            "%s gets connection_limit %d: %s; lower replicas or processes, or raise %s's"
                + " max_client_conn",
            row.name(), row.connectionLimit(), why, p.name()));
  }

  /**
   * For a provider's own pooler whose max_client_conn is the catalog's: the provider's limit for
   * the size, raised only by a larger size, not by a setting.
   */
  private static java.util.Optional<String> providerLimit(Pooler pooler) {
    return pooler
        .managed()
        .filter(m -> m.taken().stream().anyMatch(s -> s.key().equals("max_client_conn")))
        .map(
            m ->
                String.format(
                    "max_client_conn is %s's limit for %s: move to a larger size",
                    m.provider(), m.instance()));
  }

  /** "2 × 100" for a PgBouncer with replicas, else max_client_conn alone. */
  static String capacityText(Pooler pooler) {
    long m = pooler.maxClientConn().orElse(0);
    return pooler.replicas() > 1
        ? String.format("%d × max_client_conn %d", pooler.replicas(), m)
        : String.format("max_client_conn %d", m);
  }
}
