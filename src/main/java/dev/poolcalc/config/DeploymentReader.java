package dev.poolcalc.config;

import dev.poolcalc.config.YamlNode.Mapping;
import dev.poolcalc.config.YamlNode.Scalar;
import dev.poolcalc.config.YamlNode.Sequence;
import dev.poolcalc.config.manifest.ManifestCounts;
import dev.poolcalc.config.manifest.ManifestRequest;
import dev.poolcalc.config.manifest.Manifests;
import dev.poolcalc.engine.Amount;
import dev.poolcalc.engine.App;
import dev.poolcalc.engine.Client;
import dev.poolcalc.engine.Database;
import dev.poolcalc.engine.Demand;
import dev.poolcalc.engine.Deployment;
import dev.poolcalc.engine.Pooler;
import dev.poolcalc.engine.Replicas;
import dev.poolcalc.engine.Rollout;
import dev.poolcalc.engine.Rollouts;
import dev.poolcalc.providers.Catalog;
import dev.poolcalc.text.Suggestions;
import dev.poolcalc.text.Written;
import dev.poolcalc.url.InvalidUrlException;
import dev.poolcalc.url.PostgresUrl;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads input file version 1 (README.md, "The input file") into a {@link Deployment}, reporting
 * every problem with its line, column and key path before anything is planned.
 */
public final class DeploymentReader {

  /** PostgreSQL's MAX_BACKENDS: max_connections can be no larger. */
  static final long MAX_CONNECTIONS_LIMIT = 262_143;

  static final long MAX_REPLICAS = 100_000;
  static final long MAX_PROCESSES = 10_000;
  static final long MAX_TIMEOUT_SECONDS = 86_400;
  static final BigDecimal MAX_WEIGHT = InputKeys.MAX_WEIGHT;
  static final long MAX_CPUS = 4_096;

  // The keys of each section: InputKeys, which the schema is made from too.
  static final Set<String> TOP_KEYS = InputKeys.TOP.names();
  static final Set<String> DATABASE_KEYS = InputKeys.DATABASE.names();
  static final Set<String> APP_KEYS = InputKeys.APP.names();
  static final Set<String> REPLICA_RANGE_KEYS = InputKeys.REPLICA_RANGE.names();
  static final Set<String> ROLLOUT_KEYS = InputKeys.ROLLOUT.names();
  static final Set<String> DEMAND_KEYS = InputKeys.DEMAND.names();
  static final BigDecimal MAX_REQUESTS_PER_SECOND = InputKeys.MAX_REQUESTS_PER_SECOND;
  static final BigDecimal MAX_DB_TIME_MS = InputKeys.MAX_DB_TIME_MS;

  private static final Pattern APP_NAME = Pattern.compile("[A-Za-z0-9._-]{1,63}");

  private final String file;
  private final Problems problems;
  private final Map<String, SourceLocation> locations = new HashMap<>();
  private final Variables variables;

  /** The folder that from: and include: paths are relative to. */
  private final Path folder;

  private final Manifests manifests;

  /** Every app's name and where it was written, across this file and the files it includes. */
  private final Map<String, SourceLocation> names;

  /** By app name: the values its from: read, with where. */
  private final Map<String, Map<String, ValueSource>> sources;

  /** The names of the poolers, which share the apps' namespace (in {@link #names}). */
  private final Set<String> poolerNames = new HashSet<>();

  /** What database: gave the poolers: its catalog size and max_connections, for managed ones. */
  private ProviderPoolers.Server server = ProviderPoolers.Server.NONE;

  /** Whether this file is read for another's include:, which gives the database. */
  private final boolean included;

  private DeploymentReader(String file, Map<String, String> env, Variables.Unset unset) {
    this.file = file;
    this.problems = new Problems(file);
    this.variables = new Variables(env, problems, unset);
    this.folder = folderOf(file);
    this.manifests = new Manifests();
    this.names = new HashMap<>();
    this.sources = new LinkedHashMap<>();
    this.included = false;
  }

  /** A reader for a file that {@code parent} includes: it shares the parent's problems. */
  private DeploymentReader(String file, DeploymentReader parent) {
    this.file = file;
    this.problems = parent.problems;
    this.variables = parent.variables;
    this.folder = folderOf(file);
    this.manifests = parent.manifests;
    this.names = parent.names;
    this.sources = parent.sources;
    this.included = true;
  }

  /**
   * Reads a file, or standard input when {@code path} is {@code -}, expanding ${NAME} in string
   * values from {@code env}.
   */
  public static DeploymentFile read(String path, InputStream stdin, Map<String, String> env)
      throws InvalidInputException {
    return read(path, stdin, env, false);
  }

  /**
   * Like {@link #read(String, InputStream, Map)}; with {@code unsetUrlVariables}, a variable inside
   * a URL that {@code env} does not set is left in place instead of being a problem, and listed in
   * {@link DeploymentFile#unset()}: enough to plan, not to connect (DESIGN.md, "Variables that CI
   * does not have").
   */
  public static DeploymentFile read(
      String path, InputStream stdin, Map<String, String> env, boolean unsetUrlVariables)
      throws InvalidInputException {
    Variables.Unset policy =
        unsetUrlVariables ? Variables.Unset.SHOWN_IN_URLS : Variables.Unset.REFUSED;
    if (path.equals("-")) {
      return parse("<stdin>", text("<stdin>", () -> InputText.read(stdin)), env, policy);
    }
    Path file = Path.of(path);
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(
          Problem.inFile(path, "is a directory; give the deployment file inside it"));
    }
    return parse(path, text(path, () -> InputText.read(file)), env, policy);
  }

  /** Where a deployment's text comes from: a file or standard input. */
  private interface TextSource {
    String read() throws IOException;
  }

  private static String text(String file, TextSource source) throws InvalidInputException {
    try {
      return source.read();
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(Problem.inFile(file, "no such file"));
    } catch (AccessDeniedException e) {
      throw new InvalidInputException(Problem.inFile(file, "permission denied"));
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(
          Problem.inFile(file, "is not UTF-8 text; a deployment file is YAML"));
    } catch (InputText.TooLargeException e) {
      throw new InvalidInputException(Problem.inFile(file, e.reason()));
    } catch (IOException e) {
      throw new InvalidInputException(Problem.inFile(file, "cannot read: " + e.getMessage()));
    }
  }

  /** Parses YAML text; {@code file} names it in problems. */
  public static DeploymentFile parse(String file, String text) throws InvalidInputException {
    return parse(file, text, Map.of());
  }

  /** Parses YAML text, expanding ${NAME} in string values from {@code env}. */
  public static DeploymentFile parse(String file, String text, Map<String, String> env)
      throws InvalidInputException {
    return parse(file, text, env, Variables.Unset.REFUSED);
  }

  static DeploymentFile parse(
      String file, String text, Map<String, String> env, Variables.Unset unset)
      throws InvalidInputException {
    return new DeploymentReader(file, env, unset).bind(YamlTreeReader.read(file, text));
  }

  private DeploymentFile bind(YamlNode root) throws InvalidInputException {
    if (!(root instanceof Mapping top)) {
      throw new InvalidInputException(
          Problem.at(
              root.location(),
              "the top level must be a mapping with 'database' and 'apps' (got "
                  + root.describe()
                  + ")"));
    }
    Fields fields = new Fields(top, "", TOP_KEYS, problems, locations, variables);
    version(fields);
    Optional<Database> database =
        fields
            .mapping("database", true, "the PostgreSQL server, with at least max_connections")
            .flatMap(m -> database(fields.nested(m, "database", DATABASE_KEYS)));
    List<Pooler> poolers =
        PoolerKeys.read(
            fields,
            problems,
            (f, name) -> {
              boolean ok = validName(f, name, names);
              if (ok) {
                poolerNames.add(name);
              }
              return ok;
            },
            server);
    List<App> apps = new ArrayList<>(ownApps(fields));
    apps.addAll(includes(fields, database, apps.size()));
    if (apps.isEmpty() && problems.isEmpty()) {
      problems.add(
          top.location(), "no apps: neither this file nor the files it includes lists one");
    }
    routes(apps, poolers, fields.has(PoolerKeys.POOLERS));
    problems.throwIfAny();
    return new DeploymentFile(
        file,
        new Deployment(database.orElseThrow(), apps, poolers),
        locations,
        sources,
        variables.unset());
  }

  /**
   * Each app's via: names a pooler, and an app behind a pooler without a client limit (an RDS Proxy
   * without max_client_conn) brings its own connection_limit: there is nothing to divide. A pooler
   * with a problem was left out, so via: naming it is not reported again.
   */
  private void routes(List<App> apps, List<Pooler> poolers, boolean written) {
    List<String> known = poolers.stream().map(Pooler::name).toList();
    for (int i = 0; i < apps.size(); i++) {
      App app = apps.get(i);
      if (app.via().isEmpty()) {
        continue;
      }
      String via = app.via().get();
      SourceLocation at =
          Optional.ofNullable(locations.get("apps[" + i + "].via"))
              .orElse(new SourceLocation(file, 1, 1));
      Optional<Pooler> pooler = poolers.stream().filter(p -> p.name().equals(via)).findFirst();
      if (pooler.isEmpty()) {
        if (!poolerNames.contains(via)) {
          problems.add(
              at,
              "apps["
                  + i
                  + "].via names no pooler ("
                  + Written.literal(via).quote()
                  + ")"
                  + (known.isEmpty()
                      ? written ? "" : "; list it under poolers: with its name and kind"
                      : Suggestions.closest(via, known)
                          .map(k -> "; did you mean '" + k + "'?")
                          .orElse("; poolers: " + String.join(", ", known))));
        }
        continue;
      }
      if (pooler.get().clientCapacity().isEmpty() && !app.isFixed()) {
        problems.add(
            at,
            String.format(
                "apps[%d] goes through %s, an %s without max_client_conn, so there is no client"
                    + " budget to divide: set apps[%d].connection_limit, or max_client_conn on"
                    + " the pooler",
                i, via, pooler.get().kind().key(), i));
      }
    }
  }

  private void version(Fields fields) {
    fields
        .present("version")
        .ifPresent(
            v -> {
              if (!(v instanceof Scalar s
                  && s.isNumber()
                  && s.number().compareTo(BigDecimal.ONE) == 0)) {
                problems.add(
                    v.location(),
                    "unsupported version " + describeBare(v) + ": this poolcalc reads version 1");
              }
            });
  }

  private Optional<Database> database(Fields db) {
    Optional<String> name = db.optionalString("name");
    Optional<ProviderKeys.Choice> provider = ProviderKeys.read(db, Catalog::builtIn);
    OptionalLong max = maxConnections(db, provider);
    Optional<Amount> reserve = reserve(db, max);
    BigDecimal headroom =
        db.optionalDecimal("headroom", BigDecimal.ONE, "a number in (0, 1], such as 0.85")
            .orElse(Database.DEFAULT_HEADROOM);
    long superuser =
        db.optionalInteger("superuser_reserved_connections", 0, MAX_CONNECTIONS_LIMIT)
            .orElse(
                provider
                    .map(ProviderKeys.Choice::superuserReserved)
                    .orElse(OptionalLong.empty())
                    .orElse(Database.DEFAULT_SUPERUSER_RESERVED));
    long reserved =
        db.optionalInteger("reserved_connections", 0, MAX_CONNECTIONS_LIMIT)
            .orElse(
                provider
                    .map(ProviderKeys.Choice::reservedConnections)
                    .orElse(OptionalLong.empty())
                    .orElse(0));
    // A URL that is one unset variable has no shape to check or render: the plan goes on without.
    Optional<Written> written =
        db.optionalUrl("url")
            .filter(w -> !variables.unset().isWholly(w.text()))
            .filter(w -> usableUrl(db, w));
    Optional<String> url = written.map(Written::text);
    if (max.isPresent() && superuser + reserved >= max.getAsLong()) {
      db.problem(
          db.has("superuser_reserved_connections")
              ? "superuser_reserved_connections"
              : "max_connections",
          String.format(
              "superuser_reserved_connections (%d) + reserved_connections (%d) must be less than"
                  + " max_connections (%d), or PostgreSQL will not start",
              superuser, reserved, max.getAsLong()));
    }
    server = new ProviderPoolers.Server(provider, max);
    Optional<Rollouts> rollouts = rollouts(db);
    if (max.isEmpty() || reserve.isEmpty() || rollouts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Database(
            name,
            max.getAsLong(),
            reserve.get(),
            headroom,
            superuser,
            reserved,
            url,
            provider.map(p -> p.sizing(db)),
            rollouts.get()));
  }

  /** database.rollouts: whether the apps deploy together (the default) or one at a time. */
  private static Optional<Rollouts> rollouts(Fields db) {
    if (!db.has("rollouts")) {
      return Optional.of(Rollouts.ALL_AT_ONCE);
    }
    Optional<Rollouts> mode = db.optionalString("rollouts").flatMap(Rollouts::byKey);
    if (mode.isEmpty() && db.optionalString("rollouts").isPresent()) {
      db.problem(
          "rollouts",
          db.pathOf("rollouts")
              + " must be all-at-once or one-at-a-time (got "
              + db.written("rollouts")
              + ")"
              + rolloutsDidYouMean(db, db.optionalString("rollouts").get()));
    }
    return mode;
  }

  /**
   * Whether database.url parses, else a problem at it. The message quotes the URL as written (a
   * <code>${NAME}</code> by its name) and never a password: {@link PostgresUrl#parse}.
   */
  private boolean usableUrl(Fields db, Written url) {
    try {
      PostgresUrl.parse(url);
      return true;
    } catch (InvalidUrlException e) {
      String unset =
          variables.unset().all().stream()
              .filter(u -> url.text().contains(u.placeholder()))
              .map(UnsetVariables.Unset::shown)
              .distinct()
              .collect(java.util.stream.Collectors.joining(", "));
      db.problem(
          "url",
          "database.url is not a usable connection URL: "
              + e.getMessage()
              + (unset.isEmpty()
                  ? ""
                  : " (not set here: " + unset + "; set them to check this URL)"));
      return false;
    }
  }

  /** Written in the file, else the catalog's for database.provider and database.instance. */
  private static OptionalLong maxConnections(Fields db, Optional<ProviderKeys.Choice> provider) {
    if (db.has("max_connections") || !ProviderKeys.named(db)) {
      return db.requiredInteger(
          "max_connections",
          1,
          MAX_CONNECTIONS_LIMIT,
          "the server's max_connections setting, or database.provider and database.instance");
    }
    return provider.map(ProviderKeys.Choice::maxConnections).orElse(OptionalLong.empty());
  }

  /** An integer count, or "P%" of max_connections; either way less than max_connections. */
  private Optional<Amount> reserve(Fields db, OptionalLong max) {
    Optional<YamlNode> node = db.present("reserve");
    if (node.isEmpty()) {
      return Optional.of(Amount.count(0));
    }
    String path = db.pathOf("reserve");
    YamlNode value = node.get();
    Optional<Amount> parsed =
        db.amount(
            value,
            path,
            " must be a whole number or a percentage such as \"15%\"",
            MAX_CONNECTIONS_LIMIT,
            Fields.PercentCap.BELOW_100);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Amount reserve = parsed.get();
    if (max.isPresent() && reserve.roundedUp(max.getAsLong()) >= max.getAsLong()) {
      problems.add(
          value.location(),
          String.format(
              "%s (%s = %d connections) must be less than max_connections (%d): nothing would be"
                  + " left for the apps",
              path, reserve, reserve.roundedUp(max.getAsLong()), max.getAsLong()));
      return Optional.empty();
    }
    return Optional.of(reserve);
  }

  private List<App> apps(Fields top) {
    Optional<YamlNode> node =
        top.required("apps", "a list of the applications that connect to the database");
    if (node.isEmpty()) {
      return List.of();
    }
    if (!(node.get() instanceof Sequence list)) {
      problems.add(
          node.get().location(), "apps must be a list (got " + node.get().describe() + ")");
      return List.of();
    }
    if (list.items().isEmpty()) {
      problems.add(list.location(), "apps must list at least one application");
      return List.of();
    }
    List<App> apps = new ArrayList<>();
    Map<String, SourceLocation> seen = names;
    for (int i = 0; i < list.items().size(); i++) {
      YamlNode item = list.items().get(i);
      String path = "apps[" + i + "]";
      if (!(item instanceof Mapping m)) {
        problems.add(
            item.location(),
            path
                + " must be a mapping with name and replicas (got "
                + item.describe()
                + ")"
                + YamlSyntax.missingSpaceHint(item));
        continue;
      }
      app(top.nested(m, path, APP_KEYS), seen).ifPresent(apps::add);
    }
    return apps;
  }

  private Optional<App> app(Fields app, Map<String, SourceLocation> seen) {
    Optional<String> name =
        app.required("name", "it becomes the pool's application_name")
            .flatMap(n -> app.string(n, app.pathOf("name")))
            .filter(n -> validName(app, n, seen));
    Optional<ManifestCounts> counts = manifest(app, name);
    Optional<Replicas> replicas = replicasOrManifest(app, counts);
    OptionalLong processes = processesOrManifest(app, counts);
    OptionalLong limit = app.optionalInteger("connection_limit", 1, MAX_CONNECTIONS_LIMIT);
    Optional<BigDecimal> weight = app.optionalDecimal("weight", MAX_WEIGHT, "a positive number");
    OptionalLong cap = app.optionalInteger("max_connection_limit", 1, MAX_CONNECTIONS_LIMIT);
    Optional<Demand> demand = demand(app);
    long poolTimeout =
        app.optionalInteger("pool_timeout", 0, MAX_TIMEOUT_SECONDS)
            .orElse(App.DEFAULT_POOL_TIMEOUT);
    long connectTimeout =
        app.optionalInteger("connect_timeout", 0, MAX_TIMEOUT_SECONDS)
            .orElse(App.DEFAULT_CONNECT_TIMEOUT);
    if (app.has("connection_limit") && app.has("weight")) {
      app.problem(
          "weight",
          app.pathOf("weight")
              + " cannot be set together with connection_limit: a fixed limit takes no share of"
              + " the budget; remove one of them");
      return Optional.empty();
    }
    if (limit.isPresent() && cap.isPresent() && limit.getAsLong() > cap.getAsLong()) {
      app.problem(
          "max_connection_limit",
          String.format(
              "%s (%d) is below the fixed connection_limit (%d): a fixed limit is used as"
                  + " written, so the cap could never hold; lower connection_limit or remove one"
                  + " of them",
              app.pathOf("max_connection_limit"), cap.getAsLong(), limit.getAsLong()));
      return Optional.empty();
    }
    Optional<Rollout> rollout = counts.flatMap(ManifestCounts::rollout).or(() -> rollout(app));
    Optional<Client> client = client(app);
    Optional<String> via = app.optionalString(PoolerKeys.VIA);
    Optional<Written> url = app.optionalUrl("url").filter(w -> PoolerKeys.usableUrl(app, w));
    if (name.isEmpty() || replicas.isEmpty()) {
      return Optional.empty();
    }
    if ((app.has(PoolerKeys.VIA) && via.isEmpty()) || (app.has("url") && url.isEmpty())) {
      return Optional.empty();
    }
    if ((app.has("processes") && processes.isEmpty())
        || (app.has("connection_limit") && limit.isEmpty())
        || (app.has("weight") && weight.isEmpty())
        || (app.has("max_connection_limit") && cap.isEmpty())
        || (app.has("demand") && demand.isEmpty())
        || (app.has("rollout") && rollout.isEmpty())
        || (app.has("client") && client.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(
        new App(
            name.get(),
            replicas.get(),
            processes.orElse(1),
            limit,
            weight,
            poolTimeout,
            connectTimeout,
            rollout,
            client.orElse(Client.DEFAULT),
            cap,
            demand,
            via,
            url.map(Written::text)));
  }

  /** {requests_per_second, db_time_ms, wait_ms}: the traffic the app's pools serve. */
  private Optional<Demand> demand(Fields app) {
    Optional<Mapping> node = app.mapping("demand", false, "");
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Fields d = app.nested(node.get(), app.pathOf("demand"), DEMAND_KEYS);
    Optional<BigDecimal> rate =
        d.present("requests_per_second").isEmpty()
            ? missing(d, "requests_per_second", "the requests per second across all replicas")
            : d.optionalDecimal(
                "requests_per_second", MAX_REQUESTS_PER_SECOND, "a positive number");
    Optional<BigDecimal> time =
        d.present("db_time_ms").isEmpty()
            ? missing(d, "db_time_ms", "how many ms one request holds a connection")
            : d.optionalDecimal("db_time_ms", MAX_DB_TIME_MS, "a positive number");
    Optional<BigDecimal> wait = Optional.of(Demand.DEFAULT_WAIT_MS);
    if (d.has("wait_ms")) {
      wait = d.optionalDecimal("wait_ms", MAX_DB_TIME_MS, "a positive number of milliseconds");
    }
    if (rate.isEmpty() || time.isEmpty() || wait.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Demand(rate.get(), time.get(), wait.get()));
  }

  private static Optional<BigDecimal> missing(Fields d, String key, String what) {
    d.required(key, what);
    return Optional.empty();
  }

  /** Which library the app pools with; it decides the knobs rendered, not the numbers. */
  private Optional<Client> client(Fields app) {
    return app.optionalString("client")
        .flatMap(
            text -> {
              Optional<Client> client = Client.byKey(text);
              if (client.isEmpty()) {
                List<String> keys = Arrays.stream(Client.values()).map(Client::key).toList();
                app.problem(
                    "client",
                    app.pathOf("client")
                        + " must be one of "
                        + String.join(", ", keys)
                        + " (got "
                        + app.written("client")
                        + ")"
                        + didYouMean(app, "client", text, keys));
              }
              return client;
            });
  }

  /** {strategy, max_surge, max_unavailable}, each optional: {} is Kubernetes' default. */
  private Optional<Rollout> rollout(Fields app) {
    Optional<Mapping> node = app.mapping("rollout", false, "");
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Fields r = app.nested(node.get(), app.pathOf("rollout"), ROLLOUT_KEYS);
    Optional<Rollout.Strategy> strategy =
        r.present("strategy").isEmpty()
            ? Optional.of(Rollout.Strategy.ROLLING)
            : r.optionalString("strategy").flatMap(text -> strategy(r, text));
    Optional<Amount> surge = step(r, "max_surge", false);
    Optional<Amount> unavailable = step(r, "max_unavailable", true);
    if (strategy.isEmpty()
        || (r.has("max_surge") && surge.isEmpty())
        || (r.has("max_unavailable") && unavailable.isEmpty())) {
      return Optional.empty();
    }
    if (strategy.get() != Rollout.Strategy.ROLLING) {
      boolean misplaced = false;
      for (String key : List.of("max_surge", "max_unavailable")) {
        if (r.has(key)) {
          r.problem(
              key,
              String.format(
                  "%s only applies to strategy rolling; remove it, or set strategy: rolling",
                  r.pathOf(key)));
          misplaced = true;
        }
      }
      return misplaced ? Optional.empty() : Optional.of(Rollout.of(strategy.get()));
    }
    Amount s = surge.orElse(Rollout.DEFAULT_STEP);
    Amount u = unavailable.orElse(Rollout.DEFAULT_STEP);
    if (s.isZero() && u.isZero()) {
      r.problem(
          r.has("max_surge") ? "max_surge" : "max_unavailable",
          r.pathOf("max_surge")
              + " and max_unavailable cannot both be 0: the update could never start"
              + " (Kubernetes refuses it); set max_surge to 1 or 25%");
      return Optional.empty();
    }
    return Optional.of(Rollout.rolling(s, u));
  }

  private Optional<Rollout.Strategy> strategy(Fields r, String text) {
    Optional<Rollout.Strategy> strategy = Rollout.Strategy.byKey(text);
    if (strategy.isEmpty()) {
      List<String> keys =
          Arrays.stream(Rollout.Strategy.values()).map(Rollout.Strategy::key).toList();
      r.problem(
          "strategy",
          r.pathOf("strategy")
              + " must be rolling, recreate or blue-green (got "
              + r.written("strategy")
              + ")"
              + didYouMean(r, "strategy", text, keys));
    }
    return strategy;
  }

  /**
   * A whole number of replicas, or "P%" of them. Kubernetes caps max_unavailable at 100%; max_surge
   * may go higher.
   */
  private Optional<Amount> step(Fields r, String key, boolean capAt100) {
    Optional<YamlNode> node = r.present(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    return r.amount(
        node.get(),
        r.pathOf(key),
        " must be a whole number of replicas or a percentage such as \"25%\"",
        MAX_REPLICAS,
        capAt100 ? Fields.PercentCap.UP_TO_100 : Fields.PercentCap.NONE);
  }

  private boolean validName(Fields app, String name, Map<String, SourceLocation> seen) {
    String path = app.pathOf("name");
    if (!APP_NAME.matcher(name).matches()) {
      app.problem(
          "name",
          path
              + " must be 1–63 characters of letters, digits, '.', '_' or '-' (got "
              + app.written("name")
              + "); it becomes the application_name PostgreSQL shows");
      return false;
    }
    SourceLocation first = seen.putIfAbsent(name, app.locationOf("name"));
    if (first != null) {
      app.problem(
          "name",
          path
              + " "
              + app.written("name")
              + " is already used by the "
              + (poolerNames.contains(name) ? "pooler" : "app")
              + " at "
              + (first.file().equals(file)
                  ? "line " + first.line()
                  : first.file() + ":" + first.line())
              + "; names must be unique"
              + (first.file().equals(file) ? "" : " across included files"));
      return false;
    }
    return true;
  }

  /** A count, or {min, max} for autoscaling: the plan sizes for max. */
  private Optional<Replicas> replicas(Fields app) {
    Optional<YamlNode> node =
        app.required("replicas", "how many copies run, or {min: 0, max: 6} when autoscaling");
    if (node.isEmpty()) {
      return Optional.empty();
    }
    String path = app.pathOf("replicas");
    if (node.get() instanceof Mapping range) {
      Fields r = app.nested(range, path, REPLICA_RANGE_KEYS);
      OptionalLong max =
          r.requiredInteger("max", 1, MAX_REPLICAS, "the most replicas the autoscaler may run");
      OptionalLong min = r.optionalInteger("min", 0, MAX_REPLICAS);
      if (max.isEmpty() || (r.has("min") && min.isEmpty())) {
        return Optional.empty();
      }
      long lo = min.orElse(Math.min(1, max.getAsLong()));
      if (lo > max.getAsLong()) {
        r.problem(
            "min",
            String.format(
                "%s.min (%d) must not exceed %s.max (%d)", path, lo, path, max.getAsLong()));
        return Optional.empty();
      }
      return Optional.of(Replicas.between(lo, max.getAsLong()));
    }
    OptionalLong count = app.integer(node.get(), path, 1, MAX_REPLICAS);
    return count.isPresent() ? Optional.of(Replicas.fixed(count.getAsLong())) : Optional.empty();
  }

  /** This file's own apps; a file that only includes others may leave apps out. */
  private List<App> ownApps(Fields top) {
    return !top.has("apps") && top.has("include") ? List.of() : apps(top);
  }

  /**
   * include: [PATH, …]: other files' apps, after this file's own and in the order listed, planned
   * on this file's database. Their problems are located in them; their key paths continue this
   * file's numbering ({@code apps[2]} is the first included app after two of this file's own).
   */
  private List<App> includes(Fields top, Optional<Database> database, int offset) {
    Optional<YamlNode> node = top.present("include");
    if (node.isEmpty()) {
      return List.of();
    }
    if (included) {
      top.problem(
          "include",
          "include is not allowed in an included file; list every file in the one that includes "
              + file);
      return List.of();
    }
    if (!(node.get() instanceof Sequence list)) {
      problems.add(
          node.get().location(),
          "include must be a list of files, such as [team-a.yaml, team-b.yaml] (got "
              + node.get().describe()
              + ")");
      return List.of();
    }
    Set<Path> seenFiles = new HashSet<>();
    if (!file.equals("<stdin>")) {
      seenFiles.add(Path.of(file).toAbsolutePath().normalize());
    }
    List<App> apps = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      YamlNode item = list.items().get(i);
      String path = "include[" + i + "]";
      Optional<String> written = top.string(item, path);
      if (written.isEmpty()) {
        continue;
      }
      Path target = folder.resolve(written.get()).normalize();
      String shown = target.toString();
      if (!seenFiles.add(target.toAbsolutePath().normalize())) {
        problems.add(
            item.location(),
            path + ": " + shown + " is this file or is listed twice; list each file once");
        continue;
      }
      Optional<String> text = includedText(target, shown, path, item.location());
      if (text.isEmpty()) {
        continue;
      }
      try {
        YamlNode root = YamlTreeReader.read(shown, text.get());
        apps.addAll(
            new DeploymentReader(shown, this)
                .bindIncluded(root, database, offset + apps.size(), locations));
      } catch (InvalidInputException e) {
        e.problems().forEach(problems::add);
      }
    }
    return apps;
  }

  private Optional<String> includedText(Path target, String shown, String path, SourceLocation at) {
    if (Files.isDirectory(target)) {
      problems.add(at, path + ": " + shown + " is a folder; include deployment files");
      return Optional.empty();
    }
    try {
      return Optional.of(InputText.read(target));
    } catch (NoSuchFileException e) {
      problems.add(
          at, path + ": no such file: " + shown + " (paths are relative to the including file)");
    } catch (AccessDeniedException e) {
      problems.add(at, path + ": " + shown + ": permission denied");
    } catch (CharacterCodingException e) {
      problems.add(Problem.inFile(shown, "is not UTF-8 text; a deployment file is YAML"));
    } catch (InputText.TooLargeException e) {
      problems.add(at, path + ": " + shown + " " + e.reason());
    } catch (IOException e) {
      problems.add(at, path + ": " + shown + ": cannot read: " + e.getMessage());
    }
    return Optional.empty();
  }

  /**
   * An included file: apps (with their own from: relative to it), no include, and no database or
   * the including file's own.
   */
  private List<App> bindIncluded(
      YamlNode root,
      Optional<Database> database,
      int offset,
      Map<String, SourceLocation> parentLocations) {
    if (!(root instanceof Mapping top)) {
      problems.add(
          root.location(),
          "an included file must be a mapping with apps (got " + root.describe() + ")");
      return List.of();
    }
    Fields fields = new Fields(top, "", TOP_KEYS, problems, locations, variables);
    version(fields);
    Optional<Mapping> db = fields.mapping("database", false, "");
    if (db.isPresent()) {
      Optional<Database> own = database(fields.nested(db.get(), "database", DATABASE_KEYS));
      if (own.isPresent() && database.isPresent() && !sameDatabase(own.get(), database.get())) {
        problems.add(
            db.get().location(),
            "database differs from the including file's, whose database this file's apps are"
                + " planned on; remove this database section (or make it the same)");
      }
    }
    if (fields.has(PoolerKeys.POOLERS)) {
      fields.problem(
          PoolerKeys.POOLERS,
          "poolers belong in the including file, with the database; move this list there");
    }
    includes(fields, database, offset);
    List<App> apps = apps(fields);
    locations.forEach(
        (key, at) -> {
          Matcher m = APP_INDEX.matcher(key);
          if (m.lookingAt()) {
            int index = Integer.parseInt(m.group(1)) + offset;
            parentLocations.put("apps[" + index + "]" + key.substring(m.end()), at);
          }
        });
    return apps;
  }

  /**
   * did-you-mean for database.rollouts: {@link Suggestions} compares with '-' read as '_' (for
   * keys), so the modes are compared in that form and named as written.
   */
  private static String rolloutsDidYouMean(Fields db, String text) {
    List<String> keys =
        Arrays.stream(Rollouts.values()).map(r -> r.key().replace('-', '_')).toList();
    return didYouMean(db, "rollouts", text, keys).replace('_', '-');
  }

  /**
   * "; did you mean 'x'?" for a mistyped value, left out when the value came from a variable: the
   * suggestion would tell something about the variable's value.
   */
  private static String didYouMean(Fields fields, String key, String text, List<String> keys) {
    if (fields.written(key).contains("${")) {
      return "";
    }
    return Suggestions.closest(text, keys).map(k -> "; did you mean '" + k + "'?").orElse("");
  }

  private static final Pattern APP_INDEX = Pattern.compile("apps\\[([0-9]+)\\]");

  /** The same server: equal settings, a headroom of 0.85 equal to one of 0.850. */
  private static boolean sameDatabase(Database a, Database b) {
    return a.withHeadroom(a.headroom().stripTrailingZeros())
        .equals(b.withHeadroom(b.headroom().stripTrailingZeros()));
  }

  /**
   * from: PATH (with workload:, service:, cpus:): what the manifest supplies for the app, or empty
   * when the app has no from: or it could not be read (the problems say why).
   */
  private Optional<ManifestCounts> manifest(Fields app, Optional<String> name) {
    if (!app.has("from")) {
      for (String key : List.of("workload", "service", "cpus")) {
        if (app.has(key)) {
          app.problem(
              key,
              app.pathOf(key)
                  + " picks from the manifest named by from:, which this app does not have; add"
                  + " from: or remove "
                  + key);
        }
      }
      return Optional.empty();
    }
    Optional<String> from = app.optionalString("from");
    Optional<String> workload = app.optionalString("workload");
    Optional<String> service = app.optionalString("service");
    OptionalLong cpus = app.optionalInteger("cpus", 1, MAX_CPUS);
    if (from.isEmpty()
        || name.isEmpty()
        || (app.has("workload") && workload.isEmpty())
        || (app.has("service") && service.isEmpty())
        || (app.has("cpus") && cpus.isEmpty())) {
      return Optional.empty();
    }
    Map<String, SourceLocation> written = new HashMap<>();
    for (String key : List.of("replicas", "rollout", "processes")) {
      if (app.has(key)) {
        written.put(key, app.locationOf(key));
      }
    }
    String fromPath = app.pathOf("from");
    Path target = folder.resolve(from.get()).normalize();
    ManifestRequest request =
        new ManifestRequest(
            name.get(),
            fromPath.substring(0, fromPath.length() - ".from".length()),
            target,
            target.toString(),
            app.locationOf("from"),
            workload.map(w -> new ManifestRequest.Named(w, app.locationOf("workload"))),
            service.map(v -> new ManifestRequest.Named(v, app.locationOf("service"))),
            cpus,
            app.locationOf("cpus"),
            written);
    Optional<ManifestCounts> counts = manifests.read(request, problems::add);
    counts.ifPresent(c -> sources.put(name.get(), c.sources()));
    return counts;
  }

  /**
   * The manifest's replicas when it gives them; with a PM2 file, the app's own (default 1: one host
   * or container runs the ecosystem); without from:, the app's own (required).
   */
  private Optional<Replicas> replicasOrManifest(Fields app, Optional<ManifestCounts> counts) {
    if (!app.has("from")) {
      return replicas(app);
    }
    if (counts.isEmpty()) {
      return Optional.empty();
    }
    if (counts.get().replicas().isPresent()) {
      return counts.get().replicas();
    }
    return app.has("replicas") ? replicas(app) : Optional.of(Replicas.fixed(1));
  }

  private OptionalLong processesOrManifest(Fields app, Optional<ManifestCounts> counts) {
    if (counts.isPresent() && counts.get().processes().isPresent()) {
      return counts.get().processes();
    }
    return app.optionalInteger("processes", 1, MAX_PROCESSES);
  }

  /** Where relative from: and include: paths start: the file's folder, or the working one. */
  private static Path folderOf(String file) {
    if (file.equals("<stdin>")) {
      return Path.of("");
    }
    Path parent = Path.of(file).getParent();
    return parent == null ? Path.of("") : parent;
  }

  private static String describeBare(YamlNode node) {
    return node instanceof Scalar s ? s.text() : node.describe();
  }
}
