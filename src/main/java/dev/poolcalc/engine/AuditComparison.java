package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a live server holds against what the plan allows: each app's connections (matched by
 * application_name, which the rendered URLs set to the app's name), each pooler's server
 * connections, the connections no app accounts for, and whether the server is the one the plan was
 * made for. Pure: records in, records out.
 *
 * <p>Poolers: a real PgBouncer 1.18 opens its server connections as the client's role from its own
 * address, and sets each one's application_name to that of the client it last served (empty when
 * that client set none; PgBouncerActivityTest records it). So the server connections carrying the
 * application_name of an app with {@code via: P} are P's, and are held against P's planned
 * server_connections, not against the app's client-side limit. Not every one carries it: with two
 * clients in transactions at once, the server connection PgBouncer opened for the second showed an
 * empty application_name (PgBouncerAuditTest), so such connections still count as unplanned
 * "(none)"; matching by client_addr and role would catch them and is not done yet. Apps behind a
 * pooler get no row of their own: on the server only the pooler's total means anything.
 *
 * @param apps one row per app that connects directly, in file order
 * @param poolers one row per pooler, in file order
 * @param unplanned connections whose application_name is no app's, most first
 * @param plannedTotal what the plan allows at most: Σ instances × connection_limit
 * @param observedTotal client connections to the audited database
 */
public record AuditComparison(
    Plan plan,
    Observation observation,
    List<AppUsage> apps,
    List<PoolerUsage> poolers,
    List<Unplanned> unplanned,
    long plannedTotal,
    long observedTotal,
    AuditStatus status,
    List<Finding> findings) {

  /** How a connection that set no application_name is shown. */
  public static final String NO_NAME = "(none)";

  /** One app's planned maximum against its connections, by state. */
  public record AppUsage(
      String name,
      long instances,
      long connectionLimit,
      long plannedConnections,
      long observedConnections,
      long active,
      long idle,
      long idleInTransaction,
      long other) {

    public boolean over() {
      return observedConnections > plannedConnections;
    }
  }

  /**
   * One pooler's planned server connections against those the server holds under the
   * application_names of the apps behind it.
   *
   * @param apps the names of the apps behind it, whose application_names its connections carry
   */
  public record PoolerUsage(
      String name,
      PoolerKind kind,
      List<String> apps,
      long plannedConnections,
      long observedConnections,
      long active,
      long idle,
      long idleInTransaction,
      long other) {

    public PoolerUsage {
      apps = List.copyOf(apps);
    }

    public boolean over() {
      return observedConnections > plannedConnections;
    }
  }

  /** Connections from an application_name that no app in the file has. */
  public record Unplanned(String applicationName, long connections) {}

  public AuditComparison {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(observation, "observation");
    Objects.requireNonNull(status, "status");
    apps = List.copyOf(apps);
    poolers = List.copyOf(poolers);
    unplanned = List.copyOf(unplanned);
    findings = List.copyOf(findings);
  }

  public static AuditComparison of(Plan plan, Observation observation) {
    Map<String, SessionGroup> byName = new HashMap<>();
    for (SessionGroup group : observation.sessions()) {
      byName.merge(group.applicationName(), group, AuditComparison::add);
    }
    List<AppUsage> apps = new ArrayList<>();
    for (AppPlan app : plan.directApps()) {
      SessionGroup seen = seen(byName, app.name());
      apps.add(
          new AppUsage(
              app.name(),
              app.instances(),
              app.connectionLimit(),
              app.totalConnections(),
              seen.total(),
              seen.active(),
              seen.idle(),
              seen.idleInTransaction(),
              seen.other() + seen.hidden()));
    }
    List<PoolerUsage> poolers = new ArrayList<>();
    for (PoolerPlan pooler : plan.poolers()) {
      List<String> names = pooler.apps().stream().map(AppPlan::name).toList();
      SessionGroup seen = new SessionGroup(pooler.name(), 0, 0, 0, 0, 0);
      for (String name : names) {
        seen = add(seen, seen(byName, name));
      }
      poolers.add(
          new PoolerUsage(
              pooler.name(),
              pooler.pooler().kind(),
              names,
              pooler.serverConnections(),
              seen.total(),
              seen.active(),
              seen.idle(),
              seen.idleInTransaction(),
              seen.other() + seen.hidden()));
    }
    List<Unplanned> unplanned =
        byName.values().stream()
            .filter(g -> plan.app(g.applicationName()).isEmpty())
            .map(g -> new Unplanned(g.applicationName(), g.total()))
            .sorted(
                Comparator.comparingLong(Unplanned::connections)
                    .reversed()
                    .thenComparing(Unplanned::applicationName))
            .toList();

    List<Finding> findings =
        new ArrayList<>(
            ServerCheck.differences(plan.deployment().database(), observation.server()));
    for (AppUsage app : apps) {
      if (app.over()) {
        findings.add(overPlan(app));
      }
    }
    for (PoolerUsage pooler : poolers) {
      if (pooler.over()) {
        findings.add(poolerOverPlan(pooler));
      }
    }
    if (!unplanned.isEmpty()) {
      findings.add(unplanned(unplanned));
    }
    if (!observation.readsAllStats()) {
      findings.add(limitedView(observation));
    }
    AuditStatus status =
        findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)
            ? AuditStatus.DRIFT
            : AuditStatus.OK;
    return new AuditComparison(
        plan,
        observation,
        apps,
        poolers,
        unplanned,
        plan.totalConnections(),
        observation.total(),
        status,
        findings);
  }

  /** Client connections to every database as a percentage of the server's max_connections. */
  public BigDecimal utilizationPercent() {
    return BigDecimal.valueOf(observation.allClients())
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(observation.server().maxConnections()), 1, RoundingMode.HALF_UP);
  }

  private static SessionGroup seen(Map<String, SessionGroup> byName, String name) {
    return byName.getOrDefault(name, new SessionGroup(name, 0, 0, 0, 0, 0));
  }

  private static SessionGroup add(SessionGroup a, SessionGroup b) {
    return new SessionGroup(
        a.applicationName(),
        a.active() + b.active(),
        a.idle() + b.idle(),
        a.idleInTransaction() + b.idleInTransaction(),
        a.other() + b.other(),
        a.hidden() + b.hidden());
  }

  private static Finding overPlan(AppUsage app) {
    return Finding.forApp(
        Severity.ERROR,
        "app-over-plan",
        app.name(),
        String.format(
            "%s holds %d connections, %d over its plan of %d (%d instance%s × %d): look for a"
                + " second PrismaClient per process, more replicas or processes than the file"
                + " says, or a pool that ignores connection_limit",
            app.name(),
            app.observedConnections(),
            app.observedConnections() - app.plannedConnections(),
            app.plannedConnections(),
            app.instances(),
            app.instances() == 1 ? "" : "s",
            app.connectionLimit()));
  }

  private static Finding poolerOverPlan(PoolerUsage pooler) {
    return Finding.of(
        Severity.ERROR,
        "pooler-over-plan",
        String.format(
            "pooler %s holds %d server connections, %d over its plan of %d: check its pool"
                + " settings (default_pool_size, reserve_pool_size, max_db_connections), its"
                + " replicas and the (user, database) pairs its clients use against the file",
            pooler.name(),
            pooler.observedConnections(),
            pooler.observedConnections() - pooler.plannedConnections(),
            pooler.plannedConnections()));
  }

  private static Finding unplanned(List<Unplanned> unplanned) {
    long total = unplanned.stream().mapToLong(Unplanned::connections).sum();
    String who =
        unplanned.stream()
            .map(u -> u.connections() + " × " + quoted(u.applicationName()))
            .collect(Collectors.joining(", "));
    return Finding.of(
        Severity.WARNING,
        "unplanned-connections",
        String.format(
            "%d connection%s come%s from application_names no app in the file has (%s): give"
                + " each client the DATABASE_URL poolcalc renders for it (it sets"
                + " application_name), or add the client to the file",
            total, total == 1 ? "" : "s", total == 1 ? "s" : "", who));
  }

  private static Finding limitedView(Observation observation) {
    String grant = "GRANT pg_read_all_stats TO " + observation.role();
    if (observation.hidden() == 0) {
      return Finding.of(
          Severity.INFO,
          "limited-view",
          String.format(
              "role %s lacks pg_read_all_stats: it would not see the state of other roles'"
                  + " connections; %s to see everything",
              observation.role(), grant));
    }
    return Finding.of(
        Severity.WARNING,
        "limited-view",
        String.format(
            "role %s lacks pg_read_all_stats: %d connection%s of other roles show only their"
                + " application_name, so their state is counted as other; %s to see it",
            observation.role(), observation.hidden(), observation.hidden() == 1 ? "" : "s", grant));
  }

  /** How an application_name reads in tables; an empty one would vanish. */
  public static String displayName(String applicationName) {
    return applicationName.isEmpty() ? NO_NAME : applicationName;
  }

  private static String quoted(String applicationName) {
    return applicationName.isEmpty() ? NO_NAME : "\"" + applicationName + "\"";
  }
}
