package dev.poolcalc.report;

import dev.poolcalc.engine.Amount;
import dev.poolcalc.engine.App;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Budget;
import dev.poolcalc.engine.Database;
import dev.poolcalc.engine.Deployment;
import dev.poolcalc.engine.LimitSource;
import dev.poolcalc.engine.Overrun;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.PoolMode;
import dev.poolcalc.engine.Pooler;
import dev.poolcalc.engine.PoolerKind;
import dev.poolcalc.engine.PoolerPlan;
import dev.poolcalc.engine.ProviderSizing;
import dev.poolcalc.engine.ProviderSizing.CatalogValue;
import dev.poolcalc.engine.ProviderSizing.Setting;
import dev.poolcalc.engine.Remedy;
import dev.poolcalc.engine.Sizing;
import dev.poolcalc.engine.Status;
import dev.poolcalc.providers.Catalog;
import dev.poolcalc.providers.Instance;
import dev.poolcalc.providers.Sourced;
import dev.poolcalc.providers.UnknownNameException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

/**
 * Why a plan does not fit and what would: the app holding the most of it, and single changes that
 * each make it fit the budget. Every remedy is checked by planning the changed deployment, so it
 * also holds for sizing rules added later (rollout surge, poolers).
 */
public record Advice(Optional<Overrun> overrun, List<Remedy> remedies) {

  /** PostgreSQL's MAX_BACKENDS: no max_connections beyond it can be suggested. */
  static final long MAX_CONNECTIONS_LIMIT = 262_143;

  /**
   * The largest max_client_conn searched for: clients are file descriptors of one PgBouncer
   * process, and no advice beyond a million of them is useful.
   */
  static final long MAX_CLIENT_CONN_LIMIT = 1_000_000;

  public Advice {
    remedies = List.copyOf(remedies);
  }

  /** Nothing to advise when the plan fits; otherwise the overrun and the remedies found. */
  public static Advice of(Plan plan) {
    if (plan.status() == Status.OK) {
      return new Advice(Optional.empty(), List.of());
    }
    List<Remedy> remedies = new ArrayList<>(lowerLimits(plan));
    remedies.addAll(smallerPoolerPools(plan));
    remedies.addAll(poolerRemedies(plan));
    resize(plan).ifPresent(remedies::add);
    raiseMaxConnections(plan).ifPresent(remedies::add);
    raiseReserve(plan).ifPresent(remedies::add);
    return new Advice(Overrun.of(plan), remedies);
  }

  /** For each app with a fixed limit, biggest pools first: the largest limit that fits. */
  private static List<Remedy> lowerLimits(Plan plan) {
    List<AppPlan> fixed =
        plan.apps().stream()
            .filter(a -> a.source() == LimitSource.FIXED)
            .sorted(Comparator.comparingLong(AppPlan::totalConnections).reversed())
            .toList();
    List<Remedy> remedies = new ArrayList<>();
    Deployment deployment = plan.deployment();
    for (AppPlan row : fixed) {
      int index = deployment.apps().indexOf(row.app());
      OptionalLong fits =
          largest(1, row.connectionLimit() - 1, limit -> fits(withLimit(deployment, index, limit)));
      fits.ifPresent(
          limit -> {
            Plan after = Sizing.plan(withLimit(deployment, index, limit));
            remedies.add(
                new Remedy(
                    Remedy.Kind.LOWER_CONNECTION_LIMIT,
                    Optional.of(row.name()),
                    row.connectionLimit(),
                    limit,
                    after.totalConnections(),
                    after.budget().budget()));
          });
    }
    return remedies;
  }

  /**
   * On a server sized from the catalog: the smallest larger size of the same provider and family
   * that fits, with the catalog's max_connections. An upper-bound size must fit without the
   * provider-upper-bound warning too, so the resize is not itself near its ceiling. None when the
   * file writes max_connections (a custom parameter group does not follow the size).
   */
  private static Optional<Remedy> resize(Plan plan) {
    Deployment deployment = plan.deployment();
    Database db = deployment.database();
    if (db.provider().isEmpty() || db.provider().get().isWritten(Setting.MAX_CONNECTIONS)) {
      return Optional.empty();
    }
    ProviderSizing now = db.provider().get();
    Catalog catalog = Catalog.builtIn();
    Instance current;
    try {
      current = catalog.instance(now.provider(), now.instance());
    } catch (UnknownNameException e) {
      return Optional.empty();
    }
    for (Instance larger : catalog.largerInFamily(current)) {
      Sourced max = larger.maxConnections();
      ProviderSizing sizing =
          new ProviderSizing(
              now.provider(),
              larger.name(),
              new CatalogValue(max.value(), max.isUpperBound(), max.source(), max.verified()),
              now.superuserReserved(),
              now.reservedConnections(),
              now.written());
      Database resized = db.resizedTo(max.value(), sizing);
      Plan after = Sizing.plan(deployment.withDatabase(resized));
      boolean nearCeiling =
          after.findings().stream()
              .anyMatch(f -> f.code().equals(ProviderSizing.NEAR_CEILING_CODE));
      if (after.status() == Status.OK && !nearCeiling) {
        return Optional.of(
            new Remedy(
                Remedy.Kind.RESIZE_INSTANCE,
                Optional.empty(),
                db.maxConnections(),
                max.value(),
                after.totalConnections(),
                after.budget().budget(),
                Optional.of(
                    new Remedy.Resize(
                        now.provider(), now.instance(), larger.name(), max.isUpperBound()))));
      }
    }
    return Optional.empty();
  }

  /**
   * For each pooler that does not fit, in file order, the single changes to it that make the plan
   * fit: transaction mode for a session-mode pooler, then the smallest default_pool_size (a
   * session-mode PgBouncer's pools must hold every client) and the smallest max_client_conn.
   */
  private static List<Remedy> poolerRemedies(Plan plan) {
    Deployment deployment = plan.deployment();
    List<Remedy> remedies = new ArrayList<>();
    for (PoolerPlan row : plan.poolers()) {
      if (row.status() == Status.OK) {
        continue;
      }
      Pooler pooler = row.pooler();
      int index = deployment.poolers().indexOf(pooler);
      if (pooler.sessionMode() && !providerOwns(pooler, "pool_mode")) {
        Deployment changed =
            withPooler(deployment, index, pooler.withPoolMode(PoolMode.TRANSACTION));
        if (fits(changed)) {
          Plan after = Sizing.plan(changed);
          remedies.add(
              new Remedy(
                  Remedy.Kind.USE_TRANSACTION_MODE,
                  Optional.of(pooler.name()),
                  row.clientConnections(),
                  row.serverConnections(),
                  after.totalConnections(),
                  after.budget().budget()));
        }
      }
      if (pooler.sessionMode()
          && pooler.kind() == PoolerKind.PGBOUNCER
          && !providerOwns(pooler, "default_pool_size")) {
        long now = pooler.defaultPoolSize();
        // A bigger pool holds more sessions but takes more of the server: the sizes that fit are
        // those up to the largest the server side still fits.
        OptionalLong room =
            largest(
                now,
                plan.budget().maxConnections(),
                size ->
                    Sizing.plan(withPooler(deployment, index, withDefaultPool(pooler, size)))
                            .serverStatus()
                        == Status.OK);
        OptionalLong fits =
            room.isPresent()
                ? smallest(
                    now + 1,
                    room.getAsLong(),
                    size -> fits(withPooler(deployment, index, withDefaultPool(pooler, size))))
                : OptionalLong.empty();
        fits.ifPresent(
            size -> {
              Plan after =
                  Sizing.plan(withPooler(deployment, index, withDefaultPool(pooler, size)));
              remedies.add(
                  new Remedy(
                      Remedy.Kind.RAISE_DEFAULT_POOL_SIZE,
                      Optional.of(pooler.name()),
                      now,
                      size,
                      after.totalConnections(),
                      after.budget().budget()));
            });
      }
      if (pooler.kind() != PoolerKind.RDS_PROXY
          && pooler.maxClientConn().isPresent()
          && !providerOwns(pooler, "max_client_conn")) {
        long now = pooler.maxClientConn().getAsLong();
        OptionalLong fits =
            smallest(
                now + 1,
                MAX_CLIENT_CONN_LIMIT,
                max -> fits(withPooler(deployment, index, pooler.withMaxClientConn(max))));
        fits.ifPresent(
            max -> {
              Plan after =
                  Sizing.plan(withPooler(deployment, index, pooler.withMaxClientConn(max)));
              remedies.add(
                  new Remedy(
                      Remedy.Kind.RAISE_MAX_CLIENT_CONN,
                      Optional.of(pooler.name()),
                      now,
                      max,
                      after.totalConnections(),
                      after.budget().budget()));
            });
      }
    }
    return remedies;
  }

  /**
   * When the server side does not fit: for each pooler, in file order, the largest of its pool
   * setting (PgBouncer's default_pool_size, Supavisor's pool_size, RDS Proxy's
   * max_connections_percent) with which the plan fits.
   */
  private static List<Remedy> smallerPoolerPools(Plan plan) {
    if (plan.serverStatus() == Status.OK) {
      return List.of();
    }
    Deployment deployment = plan.deployment();
    List<Remedy> remedies = new ArrayList<>();
    for (Pooler pooler : deployment.poolers()) {
      int index = deployment.poolers().indexOf(pooler);
      if (providerOwns(pooler, "default_pool_size") || providerOwns(pooler, "pool_size")) {
        continue;
      }
      Remedy.Kind kind =
          switch (pooler.kind()) {
            case PGBOUNCER -> Remedy.Kind.LOWER_DEFAULT_POOL_SIZE;
            case SUPAVISOR -> Remedy.Kind.LOWER_POOL_SIZE;
            case RDS_PROXY -> Remedy.Kind.LOWER_MAX_CONNECTIONS_PERCENT;
          };
      long now =
          switch (pooler.kind()) {
            case PGBOUNCER -> pooler.defaultPoolSize();
            case SUPAVISOR -> pooler.poolSize();
            case RDS_PROXY -> pooler.maxConnectionsPercent();
          };
      OptionalLong fits =
          largest(1, now - 1, v -> fits(withPooler(deployment, index, withPool(pooler, v))));
      fits.ifPresent(
          v -> {
            Plan after = Sizing.plan(withPooler(deployment, index, withPool(pooler, v)));
            remedies.add(
                new Remedy(
                    kind,
                    Optional.of(pooler.name()),
                    now,
                    v,
                    after.totalConnections(),
                    after.budget().budget()));
          });
    }
    return remedies;
  }

  /**
   * Whether a provider's own pooler takes {@code key} from the catalog: a setting the provider
   * fixes for the size, which no edit of the file changes on the real pooler.
   */
  private static boolean providerOwns(Pooler pooler, String key) {
    return pooler
        .managed()
        .map(m -> m.taken().stream().anyMatch(s -> s.key().equals(key)))
        .orElse(false);
  }

  /** The pooler with its kind's pool setting at {@code value}. */
  private static Pooler withPool(Pooler pooler, long value) {
    return switch (pooler.kind()) {
      case PGBOUNCER -> withDefaultPool(pooler, value);
      case SUPAVISOR -> pooler.withPoolSize(value);
      case RDS_PROXY -> pooler.withMaxConnectionsPercent(value);
    };
  }

  private static Pooler withDefaultPool(Pooler pooler, long size) {
    return pooler.withPgbouncerPools(size, pooler.reservePoolSize(), pooler.maxDbConnections());
  }

  private static Deployment withPooler(Deployment deployment, int index, Pooler pooler) {
    List<Pooler> poolers = new ArrayList<>(deployment.poolers());
    poolers.set(index, pooler);
    return new Deployment(deployment.database(), deployment.apps(), poolers);
  }

  private static Optional<Remedy> raiseMaxConnections(Plan plan) {
    Deployment deployment = plan.deployment();
    long now = deployment.database().maxConnections();
    OptionalLong fits =
        smallest(now + 1, MAX_CONNECTIONS_LIMIT, max -> fits(withMax(deployment, max)));
    if (fits.isEmpty()) {
      return Optional.empty();
    }
    Plan after = Sizing.plan(withMax(deployment, fits.getAsLong()));
    return Optional.of(
        new Remedy(
            Remedy.Kind.RAISE_MAX_CONNECTIONS,
            Optional.empty(),
            now,
            fits.getAsLong(),
            after.totalConnections(),
            after.budget().budget()));
  }

  /**
   * When the budget is larger than what ordinary roles can use, computed limits can hand out
   * superuser slots; a reserve of at least those slots brings the budget under the line.
   */
  private static Optional<Remedy> raiseReserve(Plan plan) {
    Budget b = plan.budget();
    if (b.budget() <= b.usable()) {
      return Optional.empty();
    }
    long reserve = b.maxConnections() - b.usable();
    Deployment deployment = plan.deployment();
    Deployment changed =
        deployment.withDatabase(deployment.database().withReserve(Amount.count(reserve)));
    Plan after = Sizing.plan(changed);
    if (after.status() != Status.OK) {
      return Optional.empty();
    }
    return Optional.of(
        new Remedy(
            Remedy.Kind.RAISE_RESERVE,
            Optional.empty(),
            b.reserve(),
            reserve,
            after.totalConnections(),
            after.budget().budget()));
  }

  private static boolean fits(Deployment deployment) {
    return Sizing.plan(deployment).status() == Status.OK;
  }

  private static Deployment withLimit(Deployment deployment, int index, long limit) {
    List<App> apps = new ArrayList<>(deployment.apps());
    apps.set(index, apps.get(index).withConnectionLimit(limit));
    return deployment.withApps(apps);
  }

  private static Deployment withMax(Deployment deployment, long max) {
    return deployment.withDatabase(deployment.database().withMaxConnections(max));
  }

  /**
   * The largest x in [lo, hi] that passes, searching as if passing were monotone (true up to a
   * point). Whatever the answer, it has been tested and passes.
   */
  static OptionalLong largest(long lo, long hi, LongPredicate passes) {
    if (lo > hi || !passes.test(lo)) {
      return OptionalLong.empty();
    }
    while (lo < hi) {
      long mid = lo + (hi - lo + 1) / 2;
      if (passes.test(mid)) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return OptionalLong.of(lo);
  }

  /** The smallest x in [lo, hi] that passes, as {@link #largest} but from above. */
  static OptionalLong smallest(long lo, long hi, LongPredicate passes) {
    if (lo > hi || !passes.test(hi)) {
      return OptionalLong.empty();
    }
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      if (passes.test(mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return OptionalLong.of(hi);
  }
}
