package dev.poolcalc.engine;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One pooler's two sides in the plan: the server connections it takes off the budget, and its
 * client side, where the apps behind it divide its client budget.
 *
 * @param serverConnections what PostgreSQL sees from it ({@link Pooler#serverConnections})
 * @param clientCapacity C = replicas × max_client_conn; empty for an RDS Proxy without one
 * @param clientBudget floor(C × database.headroom); empty with C
 * @param split how the client budget was divided among its apps
 * @param apps the apps with {@code via} this pooler, in file order
 * @param clientConnections Σ instances × limit over its apps
 */
public record PoolerPlan(
    Pooler pooler,
    long serverConnections,
    OptionalLong clientCapacity,
    OptionalLong clientBudget,
    Split split,
    List<AppPlan> apps,
    long clientConnections,
    Status status) {

  public PoolerPlan {
    Objects.requireNonNull(pooler, "pooler");
    Objects.requireNonNull(clientCapacity, "clientCapacity");
    Objects.requireNonNull(clientBudget, "clientBudget");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(status, "status");
    apps = List.copyOf(apps);
  }

  public String name() {
    return pooler.name();
  }

  /** Client connections per server connection: what transaction mode multiplexes. */
  public java.math.BigDecimal ratio() {
    if (serverConnections == 0) {
      return java.math.BigDecimal.ZERO;
    }
    return java.math.BigDecimal.valueOf(clientConnections)
        .divide(java.math.BigDecimal.valueOf(serverConnections), 1, java.math.RoundingMode.HALF_UP);
  }

  /**
   * The pooler's verdict, exactly as docs/ARCHITECTURE.md has it: error when an app's limit is
   * below 1, the clients pass C, or (session mode) they pass the server pools; warning past the
   * client budget; else ok.
   */
  static Status statusOf(
      Pooler pooler,
      long server,
      OptionalLong capacity,
      OptionalLong budget,
      List<AppPlan> apps,
      long clients) {
    boolean belowOne = apps.stream().anyMatch(a -> a.connectionLimit() < 1);
    if (belowOne
        || (capacity.isPresent() && clients > capacity.getAsLong())
        || (pooler.sessionMode() && clients > server)) {
      return Status.ERROR;
    }
    return budget.isPresent() && clients > budget.getAsLong() ? Status.WARNING : Status.OK;
  }
}
