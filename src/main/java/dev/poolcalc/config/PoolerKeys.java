package dev.poolcalc.config;

import dev.poolcalc.config.YamlNode.Mapping;
import dev.poolcalc.config.YamlNode.Sequence;
import dev.poolcalc.engine.PoolMode;
import dev.poolcalc.engine.Pooler;
import dev.poolcalc.engine.PoolerKind;
import dev.poolcalc.providers.Catalog;
import dev.poolcalc.text.Suggestions;
import dev.poolcalc.text.Written;
import dev.poolcalc.url.InvalidUrlException;
import dev.poolcalc.url.PostgresUrl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The {@code poolers:} section: each pooler's kind and settings, with each kind's own defaults, and
 * the settings a kind does not have refused at their place (docs/ARCHITECTURE.md, "Poolers").
 */
final class PoolerKeys {

  static final String POOLERS = "poolers";
  static final String VIA = "via";
  static final String MANAGED = "managed";

  static final Set<String> KEYS = InputKeys.POOLER.names();

  /** The kinds each setting belongs to; name, kind, pairs and url belong to all. */
  private static final Map<String, Set<PoolerKind>> KINDS_OF =
      Map.of(
          "replicas", EnumSet.of(PoolerKind.PGBOUNCER),
          "pool_mode", EnumSet.of(PoolerKind.PGBOUNCER, PoolerKind.SUPAVISOR),
          "default_pool_size", EnumSet.of(PoolerKind.PGBOUNCER),
          "reserve_pool_size", EnumSet.of(PoolerKind.PGBOUNCER),
          "max_db_connections", EnumSet.of(PoolerKind.PGBOUNCER),
          "pool_size", EnumSet.of(PoolerKind.SUPAVISOR),
          "max_connections_percent", EnumSet.of(PoolerKind.RDS_PROXY));

  static final long MAX_POOL = DeploymentReader.MAX_CONNECTIONS_LIMIT;
  static final long MAX_CLIENTS = 10_000_000;
  static final long MAX_PAIRS = 10_000;

  private PoolerKeys() {}

  /**
   * Every pooler in the file, in file order; one with a problem is left out and the problem
   * recorded. {@code validName} checks a name and claims it among the apps' and poolers' names.
   */
  static List<Pooler> read(
      Fields top,
      Problems problems,
      BiPredicate<Fields, String> validName,
      ProviderPoolers.Server server) {
    Optional<YamlNode> node = top.present(POOLERS);
    if (node.isEmpty()) {
      return List.of();
    }
    if (!(node.get() instanceof Sequence list)) {
      problems.add(
          node.get().location(),
          "poolers must be a list, such as [{name: bouncer, kind: pgbouncer}] (got "
              + node.get().describe()
              + ")");
      return List.of();
    }
    List<Pooler> poolers = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      YamlNode item = list.items().get(i);
      String path = "poolers[" + i + "]";
      if (!(item instanceof Mapping m)) {
        problems.add(
            item.location(),
            path
                + " must be a mapping with name and kind (got "
                + item.describe()
                + ")"
                + YamlSyntax.missingSpaceHint(item));
        continue;
      }
      pooler(top.nested(m, path, KEYS), validName, server).ifPresent(poolers::add);
    }
    return poolers;
  }

  private static Optional<Pooler> pooler(
      Fields p, BiPredicate<Fields, String> validName, ProviderPoolers.Server server) {
    Optional<String> name =
        p.required("name", "the apps name it in via:")
            .flatMap(n -> p.string(n, p.pathOf("name")))
            .filter(n -> validName.test(p, n));
    Optional<PoolerKind> kind =
        p.required("kind", "pgbouncer, supavisor or rds-proxy")
            .flatMap(n -> p.string(n, p.pathOf("kind")))
            .flatMap(text -> kind(p, text));
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    boolean misplaced = false;
    for (var entry : KINDS_OF.entrySet()) {
      if (p.has(entry.getKey()) && !entry.getValue().contains(kind.get())) {
        p.problem(
            entry.getKey(),
            String.format(
                "%s is not a %s setting (only %s has it); remove it",
                p.pathOf(entry.getKey()),
                kind.get().key(),
                String.join(" and ", entry.getValue().stream().map(PoolerKind::key).toList())));
        misplaced = true;
      }
    }
    OptionalLong replicas = p.optionalInteger("replicas", 1, DeploymentReader.MAX_REPLICAS);
    Optional<PoolMode> mode = p.optionalString("pool_mode").flatMap(text -> poolMode(p, text));
    OptionalLong defaultPool = p.optionalInteger("default_pool_size", 1, MAX_POOL);
    OptionalLong reservePool = p.optionalInteger("reserve_pool_size", 0, MAX_POOL);
    OptionalLong maxDb = p.optionalInteger("max_db_connections", 0, MAX_POOL);
    OptionalLong maxClient = p.optionalInteger("max_client_conn", 1, MAX_CLIENTS);
    OptionalLong poolSize = p.optionalInteger("pool_size", 1, MAX_POOL);
    OptionalLong percent = p.optionalInteger("max_connections_percent", 1, 100);
    OptionalLong pairs = p.optionalInteger("pairs", 1, MAX_PAIRS);
    Optional<Written> url = p.optionalUrl("url").filter(w -> usableUrl(p, w));
    Optional<Boolean> managed = p.optionalBoolean(MANAGED);
    if (p.has(MANAGED) && managed.isEmpty()) {
      misplaced = true;
    }
    Optional<ProviderPoolers.Given> given =
        managed.orElse(false)
            ? ProviderPoolers.given(p, kind.get(), server, Catalog::builtIn)
            : Optional.empty();
    if (managed.orElse(false)) {
      if (given.isEmpty()) {
        misplaced = true;
      } else if (kind.get() == PoolerKind.PGBOUNCER && p.has("replicas")) {
        p.problem(
            "replicas",
            String.format(
                "%s is not a setting of %s's own pgbouncer: %s runs it as one endpoint; remove"
                    + " it",
                p.pathOf("replicas"), given.get().provider(), given.get().provider()));
        misplaced = true;
      }
    }
    if (kind.get() == PoolerKind.SUPAVISOR && (!managed.orElse(false) || given.isPresent())) {
      if (!p.has("pool_size") && given.flatMap(g -> boxed(g.poolSize())).isEmpty()) {
        p.problem(
            "pool_size",
            p.pathOf("pool_size")
                + " is required for supavisor: "
                + given
                    .map(
                        g ->
                            "the catalog holds no pool size for "
                                + g.provider()
                                + "'s compute sizes ("
                                + g.provider()
                                + " documents none per size); write the pool size set in the"
                                + " dashboard's database settings")
                    .orElse(
                        "the server connections per (user, database) pair, as its pool size"
                            + " setting shows"));
        misplaced = true;
      }
      if (!p.has("max_client_conn") && given.flatMap(g -> boxed(g.maxClientConn())).isEmpty()) {
        p.problem(
            "max_client_conn",
            p.pathOf("max_client_conn")
                + " is required for supavisor: the client connections it accepts"
                + server
                    .choice()
                    .filter(c -> c.runs(PoolerKind.SUPAVISOR))
                    .map(
                        c ->
                            "; or managed: true to take it from the catalog for "
                                + c.provider().name()
                                + " "
                                + c.instance().name())
                    .orElse(""));
        misplaced = true;
      }
    }
    for (String key : KEYS) {
      if (p.has(key)
          && !key.equals("name")
          && !key.equals("kind")
          && !readOk(
              p,
              key,
              replicas,
              mode,
              defaultPool,
              reservePool,
              maxDb,
              maxClient,
              poolSize,
              percent,
              pairs,
              url)) {
        misplaced = true;
      }
    }
    if (name.isEmpty() || misplaced) {
      return Optional.empty();
    }
    OptionalLong pool = first(poolSize, given.map(ProviderPoolers.Given::poolSize));
    OptionalLong clients = first(maxClient, given.map(ProviderPoolers.Given::maxClientConn));
    Pooler pooler =
        switch (kind.get()) {
          case PGBOUNCER -> Pooler.pgbouncer(name.get());
          case SUPAVISOR -> Pooler.supavisor(name.get(), pool.getAsLong(), clients.getAsLong());
          case RDS_PROXY ->
              Pooler.rdsProxy(name.get(), percent.orElse(Pooler.RDS_PROXY_DEFAULT_PERCENT));
        };
    if (kind.get() == PoolerKind.PGBOUNCER) {
      pooler =
          pooler
              .withReplicas(replicas.orElse(1))
              .withPgbouncerPools(
                  first(defaultPool, given.map(ProviderPoolers.Given::poolSize))
                      .orElse(Pooler.PGBOUNCER_DEFAULT_POOL_SIZE),
                  reservePool.orElse(0),
                  maxDb.orElse(0))
              .withMaxClientConn(clients.orElse(Pooler.PGBOUNCER_MAX_CLIENT_CONN));
    } else if (kind.get() == PoolerKind.RDS_PROXY && maxClient.isPresent()) {
      pooler = pooler.withMaxClientConn(maxClient.getAsLong());
    }
    Optional<PoolMode> writtenMode = mode;
    mode = mode.or(() -> given.flatMap(ProviderPoolers.Given::poolMode));
    if (given.isPresent()) {
      pooler =
          pooler.withManaged(
              given
                  .get()
                  .provenance(
                      kind.get(),
                      writtenMode,
                      maxClient,
                      kind.get() == PoolerKind.SUPAVISOR ? poolSize : defaultPool));
    }
    if (mode.isPresent()) {
      pooler = pooler.withPoolMode(mode.get());
    }
    pooler = pooler.withPairs(pairs.orElse(1));
    if (url.isPresent()) {
      pooler = pooler.withUrl(url.get().text());
    }
    return Optional.of(pooler);
  }

  /** The file's value when it writes one, else the catalog's. */
  private static OptionalLong first(OptionalLong written, Optional<OptionalLong> catalog) {
    return written.isPresent() ? written : catalog.orElse(OptionalLong.empty());
  }

  private static Optional<Long> boxed(OptionalLong value) {
    return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
  }

  /** Whether a key that is present was read without a problem. */
  private static boolean readOk(
      Fields p,
      String key,
      OptionalLong replicas,
      Optional<PoolMode> mode,
      OptionalLong defaultPool,
      OptionalLong reservePool,
      OptionalLong maxDb,
      OptionalLong maxClient,
      OptionalLong poolSize,
      OptionalLong percent,
      OptionalLong pairs,
      Optional<Written> url) {
    return switch (key) {
      case "replicas" -> replicas.isPresent();
      case "pool_mode" -> mode.isPresent();
      case "default_pool_size" -> defaultPool.isPresent();
      case "reserve_pool_size" -> reservePool.isPresent();
      case "max_db_connections" -> maxDb.isPresent();
      case "max_client_conn" -> maxClient.isPresent();
      case "pool_size" -> poolSize.isPresent();
      case "max_connections_percent" -> percent.isPresent();
      case "pairs" -> pairs.isPresent();
      case "url" -> url.isPresent();
      default -> true;
    };
  }

  private static Optional<PoolerKind> kind(Fields p, String text) {
    Optional<PoolerKind> kind = PoolerKind.byKey(text);
    if (kind.isEmpty()) {
      List<String> keys = Arrays.stream(PoolerKind.values()).map(PoolerKind::key).toList();
      p.problem(
          "kind",
          p.pathOf("kind")
              + " must be pgbouncer, supavisor or rds-proxy (got "
              + p.written("kind")
              + ")"
              + didYouMean(p, "kind", text, keys));
    }
    return kind;
  }

  private static Optional<PoolMode> poolMode(Fields p, String text) {
    Optional<PoolMode> mode = PoolMode.byKey(text);
    if (mode.isEmpty()) {
      List<String> keys = Arrays.stream(PoolMode.values()).map(PoolMode::key).toList();
      p.problem(
          "pool_mode",
          p.pathOf("pool_mode")
              + " must be session, transaction or statement (got "
              + p.written("pool_mode")
              + ")"
              + didYouMean(p, "pool_mode", text, keys));
    }
    return mode;
  }

  /** A did-you-mean, left out when the value came from a variable (it would hint at its value). */
  static String didYouMean(Fields fields, String key, String text, List<String> keys) {
    if (fields.written(key).contains("${")) {
      return "";
    }
    return Suggestions.closest(text, keys).map(k -> "; did you mean '" + k + "'?").orElse("");
  }

  /** Whether a URL key parses, else a problem at it that never quotes a password. */
  static boolean usableUrl(Fields f, Written url) {
    try {
      PostgresUrl.parse(url);
      return true;
    } catch (InvalidUrlException e) {
      f.problem("url", f.pathOf("url") + " is not a usable connection URL: " + e.getMessage());
      return false;
    }
  }
}
